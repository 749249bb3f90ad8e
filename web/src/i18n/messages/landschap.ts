// Texts of the landschap pages.
const nl = {
  titel: 'landschap',
}

const en: typeof nl = {
  titel: 'landschap',
}

export default { nl, en }
