import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import auditlog from './messages/auditlog'
import beheer from './messages/beheer'
import common from './messages/common'
import dashboard from './messages/dashboard'
import declaraties from './messages/declaraties'
import getallen from './messages/getallen'
import interop from './messages/interop'
import kosten from './messages/kosten'
import landschap from './messages/landschap'
import monitoring from './messages/monitoring'
import rapportage from './messages/rapportage'
import registry from './messages/registry'
import scenarios from './messages/scenarios'
import toetsing from './messages/toetsing'
import vertrouwen from './messages/vertrouwen'
import vertrouwenRegister from './messages/vertrouwen-register'
import waarden from './messages/waarden'

// Every visible text goes through i18next; each feature has its own namespace file
// with the Dutch and English text side by side, so a missing translation shows in review.

export const TALEN = ['nl', 'en'] as const
export type Taal = (typeof TALEN)[number]
const STORAGE_KEY = 'regiekamer.taal'

const namespaces = {
  common,
  registry,
  dashboard,
  landschap,
  auditlog,
  beheer,
  scenarios,
  kosten,
  rapportage,
  declaraties,
  vertrouwen,
  toetsing,
  monitoring,
  interop,
  getallen,
  waarden,
  'vertrouwen-register': vertrouwenRegister,
}

function storedLanguage(): Taal {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

export function currentLanguage(): Taal {
  return i18next.language === 'en' ? 'en' : 'nl'
}

export async function setLanguage(taal: Taal): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, taal)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18next.changeLanguage(taal)
}

export function initI18n() {
  const resources: Record<Taal, Record<string, object>> = { nl: {}, en: {} }
  for (const [ns, messages] of Object.entries(namespaces)) {
    resources.nl[ns] = messages.nl
    resources.en[ns] = messages.en
  }
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'nl',
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = currentLanguage()
  return i18next
}
