import type { MeetingPlanning } from "../../commands/getMeetingPlanning.js";
import { formatDate } from "../../domain/dates.js";
import { type FormState, fieldValue, fieldValues, stateFor } from "../forms.js";
import { ButtonForm, ErrorSummary, PostForm, SelectField, TextField } from "./form-parts.js";
import { OwnerChoice } from "./plan-page.js";

/** The theme areas planned for this meeting, with who prepares them. */
export function PlannedThemes({ themes }: { themes: MeetingPlanning["themes"] }) {
  if (themes.length === 0) return null;
  return (
    <section aria-labelledby="tema-rubrik">
      <h2 id="tema-rubrik">Tema för mötet</h2>
      <ul>
        {themes.map((t) => (
          <li key={t.id}>
            <strong>{t.title}</strong>
            {t.owners.length > 0 && `, förbereds av ${t.owners.map((o) => o.name).join(", ")}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The viewer's own förhinder: report it with a word to the coordinator, or take it back. */
export function Apology(props: {
  meetingId: number;
  apology: NonNullable<MeetingPlanning["apology"]>;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const { apology, meetingId, csrf } = props;
  const s = stateFor(props.state, "forhinder");
  return (
    <section aria-labelledby="forhinder-rubrik">
      <h2 id="forhinder-rubrik">Förhinder</h2>
      {apology.state === "reported" ? (
        <>
          <p>
            Du har anmält förhinder till mötet{apology.note ? ` (”${apology.note}”)` : ""}. Du står som frånvarande med
            förhinder i närvaron.
          </p>
          <ButtonForm
            action={`/moten/${meetingId}/forhinder/ta-tillbaka`}
            csrf={csrf}
            label="Ta tillbaka förhindret"
            variant="secondary"
          />
        </>
      ) : apology.state === "recorded" ? (
        <p>Samordnaren har redan registrerat din närvaro till mötet; hör av dig till samordnaren om något ändrats.</p>
      ) : (
        <PostForm
          action={`/moten/${meetingId}/forhinder`}
          csrf={csrf}
          class="inline-form"
          id="forhinder"
          label="Anmäl förhinder"
        >
          <ErrorSummary state={s} />
          <TextField
            form="forhinder"
            name="note"
            label="Meddelande till samordnaren (frivilligt)"
            value={fieldValue(s, "note", "")}
            errors={s?.errors}
          />
          <button type="submit" class="button secondary">
            Anmäl förhinder
          </button>
        </PostForm>
      )}
    </section>
  );
}

/** For the coordinator: which theme comes next, at which meeting, and who prepares it. */
export function NextThemeForm(props: {
  meetingId: number;
  next: NonNullable<MeetingPlanning["nextTheme"]>;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const { next } = props;
  const s = stateFor(props.state, "nasta-tema");
  if (next.themes.length === 0 || next.meetings.length === 0) return null;
  return (
    <section aria-labelledby="nasta-tema-rubrik">
      <h2 id="nasta-tema-rubrik">Nästa tema</h2>
      <details open={s !== undefined}>
        <summary>Registrera vilket tema som tas upp härnäst och vem som förbereder det</summary>
        <PostForm
          action={`/moten/${props.meetingId}/nasta-tema`}
          csrf={props.csrf}
          class="stack"
          id="nasta-tema"
          label="Nästa tema"
        >
          <ErrorSummary state={s} labels={{ theme_id: "Temaområde", meeting_id: "Möte", owner_ids: "Förbereds av" }} />
          <SelectField
            form="nasta-tema"
            name="theme_id"
            label="Temaområde"
            options={next.themes.map((t) => [
              String(t.id),
              `${t.title} (${t.year}${t.plannedDate ? `, planerat ${formatDate(t.plannedDate)}` : ""})`,
            ])}
            value={fieldValue(s, "theme_id", next.themes.find((t) => t.plannedDate === null)?.id)}
            errors={s?.errors}
            required
          />
          <SelectField
            form="nasta-tema"
            name="meeting_id"
            label="Tas upp på mötet"
            options={next.meetings.map((m) => [String(m.id), formatDate(m.date)])}
            value={fieldValue(s, "meeting_id", next.meetings[0]?.id)}
            errors={s?.errors}
            required
          />
          <OwnerChoice
            form="nasta-tema"
            members={next.members}
            checked={fieldValues(s, "owner_ids", [])}
            state={s}
            legend="Förbereds av"
          />
          <button type="submit" class="button">
            Spara nästa tema
          </button>
        </PostForm>
      </details>
    </section>
  );
}
