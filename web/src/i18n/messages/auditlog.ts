// Texts of the auditlog pages.
const nl = {
  titel: 'auditlog',
}

const en: typeof nl = {
  titel: 'auditlog',
}

export default { nl, en }
