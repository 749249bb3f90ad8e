// Texts of the registry pages.
const nl = {
  titel: 'registry',
}

const en: typeof nl = {
  titel: 'registry',
}

export default { nl, en }
