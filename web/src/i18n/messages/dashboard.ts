// Texts of the dashboard pages.
const nl = {
  titel: 'dashboard',
}

const en: typeof nl = {
  titel: 'dashboard',
}

export default { nl, en }
