// Texts of the beheer pages.
const nl = {
  titel: 'beheer',
}

const en: typeof nl = {
  titel: 'beheer',
}

export default { nl, en }
