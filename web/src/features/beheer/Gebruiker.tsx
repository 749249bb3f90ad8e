import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useCurrentIk } from '../../app/session'
import { GeenToegang } from '../../components/geen-toegang'
import { GebruikerBewerken } from './GebruikerBewerken'
import { NieuweGebruiker } from './NieuweGebruiker'
import './beheer.css'

// /beheer/gebruikers/nieuw creates a user; /beheer/gebruikers/<id> edits one. The
// router has one route for both, and "nieuw" is never a user id (ids are UUIDs).

export default function Gebruiker() {
  const { t } = useTranslation('beheer')
  const ik = useCurrentIk()
  const { id = '' } = useParams()
  if (!ik.rechten.gebruikersBeheren) return <GeenToegang titel={t('gebruikers.titel')} uitleg={t('geenToegang')} />
  return id === 'nieuw' ? <NieuweGebruiker /> : <GebruikerBewerken id={id} />
}
