import {
  Button,
  Fieldset,
  FormFieldCheckboxOption,
  FormFieldTextInput,
  Heading,
  Paragraph,
} from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TOKEN_SCOPES, type TokenScope } from '../../../../src/domain/vocabulary'
import { request } from '../../api/client'
import { FormFouten } from '../../components/form-fouten'
import { formatDatum } from '../../i18n/format'
import { veldFouten } from './gedeeld'
import { datumOver, eindeVanDag, MAX_DAGEN, STANDAARD_DAGEN } from './tokenDatum'
import type { NieuwApiToken } from './types'

// Creating an API token: a name, what it may do, until when. Scope "beheer" is only
// offered to an admin, the only one the API allows it for.

export function NieuwTokenFormulier({ isAdmin, onAangemaakt }: { isAdmin: boolean; onAangemaakt: (t: NieuwApiToken) => void }) {
  const { t } = useTranslation('beheer')
  const [naam, setNaam] = useState('')
  const [scopes, setScopes] = useState<TokenScope[]>(['lezen'])
  const [verlooptOp, setVerlooptOp] = useState(() => datumOver(STANDAARD_DAGEN))
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const max = datumOver(MAX_DAGEN)
  const fouten = veldFouten(error)
  const aanbod = TOKEN_SCOPES.filter((s) => s !== 'beheer' || isAdmin)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const { data } = await request<NieuwApiToken>('api-tokens', {
        method: 'POST',
        body: { naam, scopes, verlooptOp: eindeVanDag(verlooptOp) },
      })
      setNaam('')
      setScopes(['lezen'])
      setVerlooptOp(datumOver(STANDAARD_DAGEN))
      onAangemaakt(data)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const labelVoor = (veld: string) =>
    ({ naam: t('tokens.nieuw.naam'), scopes: t('tokens.nieuw.scopes'), verlooptOp: t('tokens.nieuw.verlooptOp') })[veld]

  return (
    <section aria-labelledby="nieuw-token-kop" className="rk-token-nieuw">
      <Heading level={2} appearanceLevel={3} id="nieuw-token-kop">
        {t('tokens.nieuw.titel')}
      </Heading>
      <FormFouten error={error} labelVoor={labelVoor} />
      <form onSubmit={submit} className="rk-form" noValidate>
        <FormFieldTextInput
          label={t('tokens.nieuw.naam')}
          description={t('tokens.nieuw.naamUitleg')}
          name="naam"
          autoComplete="off"
          required
          value={naam}
          invalid={Boolean(fouten.naam)}
          errorMessage={fouten.naam}
          onChange={(e) => setNaam((e.target as HTMLInputElement).value)}
        />
        <Fieldset legend={t('tokens.nieuw.scopes')} invalid={Boolean(fouten.scopes)}>
          {fouten.scopes && <Paragraph className="rk-fout">{fouten.scopes}</Paragraph>}
          {aanbod.map((s) => (
            <FormFieldCheckboxOption
              key={s}
              label={t(`tokens.scopes.${s}`)}
              description={t(`tokens.scopeUitleg.${s}`)}
              name="scopes"
              value={s}
              checked={scopes.includes(s)}
              onChange={(e) => {
                const aan = (e.target as HTMLInputElement).checked
                setScopes((huidig) => (aan ? [...huidig, s] : huidig.filter((x) => x !== s)))
              }}
            />
          ))}
        </Fieldset>
        <FormFieldTextInput
          label={t('tokens.nieuw.verlooptOp')}
          description={t('tokens.nieuw.verlooptOpUitleg', { datum: formatDatum(max) })}
          name="verlooptOp"
          type="date"
          required
          min={datumOver(1)}
          max={max}
          value={verlooptOp}
          invalid={Boolean(fouten.verlooptOp)}
          errorMessage={fouten.verlooptOp}
          onChange={(e) => setVerlooptOp((e.target as HTMLInputElement).value)}
        />
        <div className="rk-acties">
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {busy ? t('tokens.nieuw.bezig') : t('tokens.nieuw.knop')}
          </Button>
        </div>
      </form>
    </section>
  )
}
