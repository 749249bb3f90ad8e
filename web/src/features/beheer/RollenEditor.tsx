import { Button, Fieldset, FormFieldSelect, Paragraph, SelectOption } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { ROLLEN, type Rol } from '../../../../src/domain/vocabulary'
import { nieuweRij, type RolRij } from './rollen'
import type { OrganisatieKeuze } from './useOrganisaties'

// Roles per organisation: one row per role, each its own fieldset ("Rol 2") so the
// selects inside have short labels that still make sense to a screen reader.

interface Props {
  rijen: RolRij[]
  onChange: (rijen: RolRij[]) => void
  organisaties: OrganisatieKeuze[]
  fouten: Record<string, string>
}

export function RollenEditor({ rijen, onChange, organisaties, fouten }: Props) {
  const { t } = useTranslation('beheer')
  const wijzig = (key: number, deel: Partial<RolRij>) =>
    onChange(
      rijen.map((r) => {
        if (r.key !== key) return r
        const nieuw = { ...r, ...deel }
        return nieuw.rol === 'admin' ? { ...nieuw, organisatieId: '' } : nieuw
      }),
    )
  return (
    <Fieldset legend={t('rollen.legend')} invalid={Boolean(fouten.rollen)}>
      <Paragraph>{t('rollen.uitleg')}</Paragraph>
      {fouten.rollen && <Paragraph className="rk-fout">{fouten.rollen}</Paragraph>}
      {rijen.length === 0 && <Paragraph>{t('rollen.geen')}</Paragraph>}
      {rijen.map((rij, i) => {
        const n = i + 1
        const orgFout = fouten[`rollen[${i}].organisatieId`]
        const rolFout = fouten[`rollen[${i}].rol`]
        const bekend = !rij.organisatieId || organisaties.some((o) => o.id === rij.organisatieId)
        return (
          <Fieldset key={rij.key} legend={t('rollen.rij', { n })} className="rk-rol">
            <div className="rk-rol__velden">
              <FormFieldSelect
                label={t('rollen.rol')}
                name={`rollen[${i}].rol`}
                value={rij.rol}
                invalid={Boolean(rolFout)}
                errorMessage={rolFout}
                onChange={(e) => wijzig(rij.key, { rol: (e.target as HTMLSelectElement).value as Rol })}
              >
                {ROLLEN.map((rol) => (
                  <SelectOption key={rol} value={rol}>
                    {t(`rollen.namen.${rol}`)}
                  </SelectOption>
                ))}
              </FormFieldSelect>
              {rij.rol === 'admin' ? (
                <Paragraph className="rk-rol__installatie">{t('rollen.heleInstallatie')}</Paragraph>
              ) : (
                <FormFieldSelect
                  label={t('rollen.organisatie')}
                  name={`rollen[${i}].organisatieId`}
                  value={rij.organisatieId}
                  required
                  invalid={Boolean(orgFout)}
                  errorMessage={orgFout}
                  onChange={(e) => wijzig(rij.key, { organisatieId: (e.target as HTMLSelectElement).value })}
                >
                  <SelectOption value="">{t('rollen.kies')}</SelectOption>
                  {!bekend && <SelectOption value={rij.organisatieId}>{rij.organisatieId}</SelectOption>}
                  {organisaties.map((o) => (
                    <SelectOption key={o.id} value={o.id}>
                      {o.naam}
                    </SelectOption>
                  ))}
                </FormFieldSelect>
              )}
              <Button appearance="secondary-action-button" onClick={() => onChange(rijen.filter((r) => r.key !== rij.key))}>
                {t('rollen.verwijderen', { n })}
              </Button>
            </div>
          </Fieldset>
        )
      })}
      <Button appearance="secondary-action-button" onClick={() => onChange([...rijen, nieuweRij()])}>
        {t('rollen.toevoegen')}
      </Button>
    </Fieldset>
  )
}
