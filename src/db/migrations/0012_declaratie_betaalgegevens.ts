import { type Kysely, sql } from 'kysely'

// A final declaratie prints the payment details its sender had when it was made final:
// the IBAN and the payment term (so the due date) are recorded on the declaratie then,
// and never change with the organisation afterwards. Final declaraties made before this
// migration take the organisation's present details, the best there is. The trigger
// that keeps a final declaratie unchanged now also guards these two columns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE declaratie ADD COLUMN iban text;
    ALTER TABLE declaratie ADD COLUMN betaaltermijn_dagen integer;
    UPDATE declaratie d SET iban = o.iban, betaaltermijn_dagen = o.betaaltermijn_dagen
      FROM organisatie o WHERE o.id = d.van_id AND d.status <> 'concept';

    CREATE OR REPLACE FUNCTION declaratie_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'concept' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END IF;
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'declaratie % is definitief en kan niet worden verwijderd', OLD.nummer USING ERRCODE = 'RK001';
      END IF;
      IF NEW.nummer IS DISTINCT FROM OLD.nummer OR NEW.soort IS DISTINCT FROM OLD.soort
        OR NEW.corrigeert_id IS DISTINCT FROM OLD.corrigeert_id OR NEW.van_id IS DISTINCT FROM OLD.van_id
        OR NEW.aan_id IS DISTINCT FROM OLD.aan_id OR NEW.periode IS DISTINCT FROM OLD.periode
        OR NEW.totaal IS DISTINCT FROM OLD.totaal OR NEW.regels IS DISTINCT FROM OLD.regels
        OR NEW.toelichting IS DISTINCT FROM OLD.toelichting OR NEW.definitief_op IS DISTINCT FROM OLD.definitief_op
        OR NEW.iban IS DISTINCT FROM OLD.iban OR NEW.betaaltermijn_dagen IS DISTINCT FROM OLD.betaaltermijn_dagen
        OR NEW.status = 'concept' THEN
        RAISE EXCEPTION 'declaratie % is definitief: alleen de status mag nog wijzigen', OLD.nummer USING ERRCODE = 'RK001';
      END IF;
      RETURN NEW;
    END $$;
  `.execute(db)
}
