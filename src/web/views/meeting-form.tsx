import type { MeetingDetailsEditorData } from "../../commands/getMeetingDetailsEditor.js";
import { timeForInput } from "../../domain/date-input.js";
import { ROLE_LABELS } from "../../domain/labels.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { ButtonForm, ErrorSummary, PostForm, SelectField, TextArea, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { MeetingEditorLayout, type NoticeKey } from "./meeting-editor-layout.js";

const LABELS: Record<string, string> = {
  network_id: "Nätverk",
  date: "Datum",
  start_time: "Starttid",
  end_time: "Sluttid",
  location: "Plats",
  online_url: "Länk till digitalt möte",
  title: "Rubrik",
  note_taker_id: "Vid tangenterna",
};

type Stored = {
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: string;
  online_url: string | null;
  title: string;
};

/** Date, time, place and link fields, shared by "plan a meeting" and "edit the meeting". */
function DetailsFields({ form, state, stored }: { form: string; state: FormState | undefined; stored: Stored }) {
  const errors = state?.errors;
  return (
    <>
      <div class="field-row">
        <TextField
          form={form}
          name="date"
          label="Datum"
          hint="ÅÅÅÅ-MM-DD, t.ex. 2025-03-14"
          value={fieldValue(state, "date", stored.date)}
          errors={errors}
          inputMode="numeric"
          size="short"
          required
        />
        <TextField
          form={form}
          name="start_time"
          label="Starttid"
          hint="TT:MM, t.ex. 09:00"
          value={fieldValue(state, "start_time", timeForInput(stored.start_time))}
          errors={errors}
          inputMode="numeric"
          size="short"
        />
        <TextField
          form={form}
          name="end_time"
          label="Sluttid"
          hint="TT:MM, t.ex. 12:00"
          value={fieldValue(state, "end_time", timeForInput(stored.end_time))}
          errors={errors}
          inputMode="numeric"
          size="short"
        />
      </div>
      <TextField
        form={form}
        name="location"
        label="Plats"
        hint="Adress och lokal, eller ”Digitalt”"
        value={fieldValue(state, "location", stored.location)}
        errors={errors}
        size="long"
      />
      <TextField
        form={form}
        name="online_url"
        label="Länk till digitalt möte"
        hint="Hela adressen, som börjar med https://"
        type="url"
        inputMode="url"
        value={fieldValue(state, "online_url", stored.online_url)}
        errors={errors}
        size="long"
      />
      <TextField
        form={form}
        name="title"
        label="Rubrik (frivillig)"
        hint="T.ex. ”Heldag om verksamhetsplanen”"
        value={fieldValue(state, "title", stored.title)}
        errors={errors}
        size="long"
      />
    </>
  );
}

/** "Nytt möte": choose the network (when not given) and the date, time and place. */
export function PlanMeetingPage(props: {
  networks: { id: number; name: string }[];
  networkId: number | undefined;
  csrf: string | null;
  state?: FormState | undefined;
}) {
  const form = "plan";
  const { state } = props;
  const chosen = props.networks.find((n) => n.id === props.networkId);
  return (
    <Layout title="Planera ett möte" active="meetings" crumbs={[{ href: "/moten", label: "Möten" }]}>
      <h1>Planera ett möte</h1>
      {props.networks.length === 0 ? (
        <p>Du kan planera möten i de nätverk där du är samordnare. Du är inte samordnare i något nätverk just nu.</p>
      ) : (
        <PostForm action="/moten" csrf={props.csrf} class="stack" label="Planera ett möte">
          <ErrorSummary state={state} labels={LABELS} />
          {chosen && props.networks.length === 1 ? (
            <>
              <input type="hidden" name="network_id" value={String(chosen.id)} />
              <p>
                Nätverk: <strong>{chosen.name}</strong>
              </p>
            </>
          ) : (
            <SelectField
              form={form}
              name="network_id"
              label="Nätverk"
              value={fieldValue(state, "network_id", props.networkId)}
              options={props.networks.map((n) => [String(n.id), n.name])}
              empty="Välj nätverk"
              errors={state?.errors}
              required
            />
          )}
          <DetailsFields
            form={form}
            state={state}
            stored={{ date: "", start_time: null, end_time: null, location: "", online_url: null, title: "" }}
          />
          <p class="hint">Efter att mötet har planerats föreslår Samråd en dagordning.</p>
          <div class="actions-row">
            <button type="submit" class="button">
              Planera mötet
            </button>
          </div>
        </PostForm>
      )}
    </Layout>
  );
}

/** The meeting's details: date, time, place, link, title and note-taker, with the stale-form guard. */
export function MeetingDetailsPage(props: {
  data: MeetingDetailsEditorData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { meeting, members, base } = props.data;
  const { state } = props;
  const form = "uppgifter";
  const formState = stateFor(state, form);
  const cancelState = stateFor(state, "installa");
  const current = (formState?.details as { current?: Record<string, unknown> } | undefined)?.current;
  const readOnly = meeting.state === "approved" || meeting.state === "cancelled";
  return (
    <MeetingEditorLayout meeting={meeting} tab="details" title="Mötets uppgifter" notice={props.notice}>
      {readOnly ? (
        <p class="notice">
          {meeting.state === "approved"
            ? "Anteckningarna är justerade; mötets uppgifter kan inte ändras."
            : `Mötet är inställt${meeting.cancelled_reason ? `: ${meeting.cancelled_reason}` : ""}.`}
        </p>
      ) : (
        <PostForm action={`/moten/${meeting.id}/uppgifter`} csrf={props.csrf} class="stack" label="Mötets uppgifter">
          <ErrorSummary state={formState} labels={LABELS} />
          {current && (
            <section class="conflict" aria-label="Sparade uppgifter">
              <h2>Det här är sparat nu</h2>
              <dl class="facts">
                {Object.entries(current).map(([k, v]) => (
                  <div key={k}>
                    <dt>{LABELS[k] ?? k}</dt>
                    <dd>{v === null || v === "" ? "–" : String(v)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <input type="hidden" name="base" value={base} />
          <DetailsFields form={form} state={formState} stored={meeting} />
          <SelectField
            form={form}
            name="note_taker_id"
            label="Vid tangenterna"
            value={fieldValue(formState, "note_taker_id", meeting.note_taker_id)}
            options={members.map((m) => [String(m.personId), `${m.name} (${ROLE_LABELS[m.role].toLowerCase()})`])}
            empty="Ingen vald"
            errors={formState?.errors}
          />
          <div class="actions-row">
            <button type="submit" class="button">
              Spara uppgifterna
            </button>
          </div>
        </PostForm>
      )}
      {(meeting.state === "planned" || meeting.state === "notice_sent") && (
        <section aria-labelledby="installa-rubrik">
          <h2 id="installa-rubrik">Ställ in mötet</h2>
          <details open={cancelState !== undefined}>
            <summary>Mötet blir inte av</summary>
            <PostForm action={`/moten/${meeting.id}/status`} csrf={props.csrf} class="stack" label="Ställ in mötet">
              <ErrorSummary state={cancelState} labels={{ reason: "Skäl" }} />
              <input type="hidden" name="till" value="cancelled" />
              <TextArea
                form="installa"
                name="reason"
                label="Varför ställs mötet in?"
                value={fieldValue(cancelState, "reason", "")}
                errors={cancelState?.errors}
                rows={2}
                required
              />
              <button type="submit" class="button danger">
                Ställ in mötet
              </button>
            </PostForm>
          </details>
        </section>
      )}
      {meeting.state === "cancelled" && (
        <ButtonForm
          action={`/moten/${meeting.id}/status`}
          csrf={props.csrf}
          hidden={{ till: "planned" }}
          label="Planera om mötet"
        />
      )}
    </MeetingEditorLayout>
  );
}
