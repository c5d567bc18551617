import type { DatePollListData, DatePollPageData, NewDatePollData } from "../../commands/getDatePollPages.js";
import type { PollOptionRow } from "../../db/queries/date-polls.js";
import { timeForInput } from "../../domain/date-input.js";
import { formatDate, formatDateLong, formatTimeRange } from "../../domain/dates.js";
import { POLL_OPTION_ROWS, type PollAnswer } from "../../domain/poll-input.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { DateText, Empty, Markdown } from "./components.js";
import { CheckboxGroup, ErrorSummary, fieldId, PostForm, TextArea, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";

/** Answers in words and with a symbol, so the matrix never speaks through colour alone. */
export const ANSWER_LABELS: Record<PollAnswer, { text: string; symbol: string }> = {
  yes: { text: "Ja", symbol: "✓" },
  maybe: { text: "Om det behövs", symbol: "(✓)" },
  no: { text: "Nej", symbol: "✗" },
};

const swedishDay = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

function optionLabel(o: { date: string; startTime: string | null; endTime: string | null }, long = false) {
  const time = formatTimeRange(o.startTime, o.endTime);
  return `${long ? formatDateLong(o.date) : formatDate(o.date)}${time ? ` kl. ${time}` : ""}`;
}

function Status({ isOpen, closesAt }: { isOpen: boolean; closesAt: Date | null }) {
  if (!isOpen) return <span class="badge state-approved">Stängd</span>;
  return (
    <>
      <span class="badge state-planned">Öppen</span>
      {closesAt && (
        <span class="muted">
          {" "}
          svara senast <DateText date={swedishDay(new Date(closesAt.getTime() - 1000))} />
        </span>
      )}
    </>
  );
}

const crumbs = (slug: string, name: string) => [
  { href: "/natverk", label: "Nätverk" },
  { href: `/natverk/${slug}`, label: name },
];

/** A network's date polls, with "Ny omröstning" for its coordinators. */
export function DatePollListPage({ data }: { data: DatePollListData }) {
  const { network } = data;
  return (
    <Layout title={`Datumomröstningar – ${network.name}`} active="networks" crumbs={crumbs(network.slug, network.name)}>
      <h1>
        Datumomröstningar<span class="subtitle">{network.name}</span>
      </h1>
      <p class="lead">
        Samordnaren föreslår datum, medlemmarna svarar ja, om det behövs eller nej, och de valda datumen blir möten.
      </p>
      {data.canManage && (
        <nav aria-label="Arbeta med omröstningar" class="entry-points">
          <a class="button" href={`/natverk/${network.slug}/omrostningar/ny`}>
            Ny omröstning
          </a>
        </nav>
      )}
      {data.polls.length === 0 ? (
        <Empty>Nätverket har inga datumomröstningar ännu.</Empty>
      ) : (
        <table class="list">
          <caption>Datumomröstningar i {network.name}</caption>
          <thead>
            <tr>
              <th scope="col">Omröstning</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Datum
              </th>
              <th scope="col" class="num">
                Har svarat
              </th>
              <th scope="col" class="num">
                Blev möten
              </th>
            </tr>
          </thead>
          <tbody>
            {data.polls.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={`/omrostningar/${p.id}`}>{p.title}</a>
                </th>
                <td>
                  <Status isOpen={p.isOpen} closesAt={p.closesAt} />
                </td>
                <td class="num">{p.options}</td>
                <td class="num">{p.answered}</td>
                <td class="num">{p.chosen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The form a coordinator proposes dates with: title, description, place, usual times and up to twelve dates. */
export function NewDatePollPage({
  data,
  csrf,
  state,
}: {
  data: NewDatePollData;
  csrf: string | null;
  state?: FormState | undefined;
}) {
  const { network } = data;
  const form = "omrostning";
  const s = stateFor(state, form);
  const labels: Record<string, string> = {
    title: "Rubrik",
    description: "Beskrivning",
    location: "Plats",
    default_start_time: "Starttid",
    default_end_time: "Sluttid",
    closes_on: "Sista svarsdag",
  };
  for (let i = 1; i <= POLL_OPTION_ROWS; i++) {
    labels[`option_date_${i}`] = `Förslag ${i}, datum`;
    labels[`option_start_${i}`] = `Förslag ${i}, starttid`;
    labels[`option_end_${i}`] = `Förslag ${i}, sluttid`;
  }
  return (
    <Layout
      title={`Ny omröstning – ${network.name}`}
      active="networks"
      crumbs={[
        ...crumbs(network.slug, network.name),
        { href: `/natverk/${network.slug}/omrostningar`, label: "Datumomröstningar" },
      ]}
    >
      <h1>
        Ny datumomröstning<span class="subtitle">{network.name}</span>
      </h1>
      <PostForm
        action={`/natverk/${network.slug}/omrostningar/ny`}
        csrf={csrf}
        class="stack"
        label="Ny datumomröstning"
      >
        <ErrorSummary state={s} labels={labels} />
        <TextField
          form={form}
          name="title"
          label="Rubrik"
          value={fieldValue(s, "title", "")}
          errors={s?.errors}
          hint="T.ex. ”Mötesdatum 2027”."
          required
        />
        <TextArea
          form={form}
          name="description"
          label="Beskrivning (frivillig)"
          value={fieldValue(s, "description", "")}
          errors={s?.errors}
          rows={3}
        />
        <fieldset class="field">
          <legend>Så blir mötena</legend>
          <p class="hint">Gäller varje datum som väljs, om inte en egen tid anges för datumet.</p>
          <TextField
            form={form}
            name="location"
            label="Plats"
            value={fieldValue(s, "location", data.suggested?.location ?? "")}
            errors={s?.errors}
            size="long"
          />
          <div class="field-row">
            <TextField
              form={form}
              name="default_start_time"
              label="Starttid"
              type="time"
              value={fieldValue(s, "default_start_time", timeForInput(data.suggested?.start_time ?? null))}
              errors={s?.errors}
              size="short"
            />
            <TextField
              form={form}
              name="default_end_time"
              label="Sluttid"
              type="time"
              value={fieldValue(s, "default_end_time", timeForInput(data.suggested?.end_time ?? null))}
              errors={s?.errors}
              size="short"
            />
          </div>
        </fieldset>
        <TextField
          form={form}
          name="closes_on"
          label="Sista svarsdag (frivillig)"
          type="date"
          hint="Efter den dagen tas inga fler svar emot."
          value={fieldValue(s, "closes_on", "")}
          errors={s?.errors}
          size="short"
        />
        <fieldset class="field poll-options" id={fieldId(form, "options")}>
          <legend>Datumförslag</legend>
          <p class="hint" id={fieldId(form, "options-tips")}>
            Fyll i ett datum per rad, från och med i dag ({formatDate(data.today)}). Tiderna behövs bara om de skiljer
            sig från mötets vanliga tider. Tomma rader hoppas över.
          </p>
          {Array.from({ length: POLL_OPTION_ROWS }, (_, i) => i + 1).map((row) => (
            <fieldset class="poll-option-row" key={row}>
              <legend>Förslag {row}</legend>
              <TextField
                form={form}
                name={`option_date_${row}`}
                label="Datum"
                type="date"
                value={fieldValue(s, `option_date_${row}`, "")}
                errors={s?.errors}
                size="short"
              />
              <TextField
                form={form}
                name={`option_start_${row}`}
                label="Starttid"
                type="time"
                value={fieldValue(s, `option_start_${row}`, "")}
                errors={s?.errors}
                size="short"
              />
              <TextField
                form={form}
                name={`option_end_${row}`}
                label="Sluttid"
                type="time"
                value={fieldValue(s, `option_end_${row}`, "")}
                errors={s?.errors}
                size="short"
              />
            </fieldset>
          ))}
        </fieldset>
        <button type="submit" class="button">
          Skapa omröstningen
        </button>
      </PostForm>
    </Layout>
  );
}

function Cell({ answer }: { answer: PollAnswer | undefined }) {
  if (!answer) {
    return (
      <td class="poll-cell none">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">Inget svar</span>
      </td>
    );
  }
  const a = ANSWER_LABELS[answer];
  return (
    <td class={`poll-cell ${answer}`}>
      <span class="poll-symbol" aria-hidden="true">
        {a.symbol}
      </span>{" "}
      {a.text}
    </td>
  );
}

function Matrix({ data }: { data: DatePollPageData }) {
  const best = Math.max(0, ...data.options.map((o) => o.yes * 2 + o.maybe));
  return (
    <>
      <p class="hint">
        ✓ ja, (✓) om det behövs, ✗ nej, – inget svar. Tabellen kan rullas i sidled när det finns många datum.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that may scroll sideways must be reachable by keyboard */}
      <section class="table-scroll poll-matrix" tabIndex={0} aria-label="Svaren (tabell)">
        <table class="list compact poll-table">
          <caption>Svar per person och datum</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              {data.options.map((o) => (
                <th scope="col" key={o.id} class="poll-date">
                  <span class="muted">{formatDateLong(o.date).split(" ")[0]}</span>
                  <br />
                  <DateText date={o.date} />
                  {formatTimeRange(o.startTime, o.endTime) && (
                    <span class="muted"> kl. {formatTimeRange(o.startTime, o.endTime)}</span>
                  )}
                  {o.meetingId && (
                    <>
                      {" "}
                      <a href={`/moten/${o.meetingId}`} class="badge state-notice_sent">
                        Blev möte
                      </a>
                    </>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.personId}>
                <th scope="row">
                  {r.name}
                  {!r.current && <span class="muted"> (inte längre medlem)</span>}
                </th>
                {data.options.map((o) => (
                  <Cell key={o.id} answer={r.answers.get(o.id)} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              {data.options.map((o) => (
                <td key={o.id} class={`poll-total${best > 0 && o.yes * 2 + o.maybe === best ? " best" : ""}`}>
                  {`${o.yes} ja,`}
                  <br />
                  {`${o.maybe} om det behövs,`}
                  <br />
                  {`${o.no} nej`}
                  {best > 0 && o.yes * 2 + o.maybe === best && <strong class="poll-best"> (flest ja)</strong>}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}

function AnswerForm({
  data,
  csrf,
  state,
}: {
  data: DatePollPageData;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const form = "svar";
  const s = stateFor(state, form);
  const labels = Object.fromEntries(data.options.map((o) => [`answer_${o.id}`, optionLabel(o)]));
  return (
    <section aria-labelledby="mitt-svar-rubrik">
      <h2 id="mitt-svar-rubrik">{data.mine ? "Ändra ditt svar" : "Ditt svar"}</h2>
      <PostForm action={`/omrostningar/${data.poll.id}/svar`} csrf={csrf} class="stack" label="Ditt svar">
        <ErrorSummary state={s} labels={labels} />
        {data.options.map((o) => {
          const name = `answer_${o.id}`;
          const chosen = fieldValue(s, name, data.mine?.get(o.id) ?? "");
          const err = s?.errors[name];
          return (
            <fieldset
              class="attendance-row poll-answer"
              key={o.id}
              id={fieldId(form, name)}
              aria-describedby={err ? `${fieldId(form, name)}-fel` : undefined}
            >
              <legend>{optionLabel(o, true)}</legend>
              {err && (
                <p class="field-error" id={`${fieldId(form, name)}-fel`}>
                  <span class="visually-hidden">Fel: </span>
                  {err}
                </p>
              )}
              {(Object.keys(ANSWER_LABELS) as PollAnswer[]).map((value) => {
                const id = `${fieldId(form, name)}-${value}`;
                return (
                  <span class="radio" key={value}>
                    <input type="radio" id={id} name={name} value={value} checked={chosen === value} />
                    <label for={id}>{ANSWER_LABELS[value].text}</label>
                  </span>
                );
              })}
            </fieldset>
          );
        })}
        <button type="submit" class="button">
          Spara mitt svar
        </button>
      </PostForm>
    </section>
  );
}

function Manage({ data, csrf, state }: { data: DatePollPageData; csrf: string | null; state: FormState | undefined }) {
  const pick = stateFor(state, "valj");
  const remind = stateFor(state, "paminn");
  const options: [string, string][] = data.options.map((o: PollOptionRow) => [
    String(o.id),
    `${optionLabel(o, true)} – ${o.yes} ja, ${o.maybe} om det behövs${o.meetingId ? " (redan ett möte)" : ""}`,
  ]);
  const chosen = data.options.filter((o) => o.meetingId !== null).map((o) => o.id);
  return (
    <section aria-labelledby="samordnare-rubrik" class="poll-manage">
      <h2 id="samordnare-rubrik">För samordnaren</h2>
      {data.poll.isOpen && (
        <PostForm action={`/omrostningar/${data.poll.id}/paminn`} csrf={csrf} class="stack" label="Påminn">
          <ErrorSummary state={remind} />
          <p>
            {data.unanswered === 0
              ? "Alla nuvarande medlemmar har svarat."
              : `${data.unanswered} ${data.unanswered === 1 ? "medlem har" : "medlemmar har"} inte svarat.`}
            {data.reminders.count > 0 && data.reminders.last && (
              <>
                {" "}
                Senaste påminnelsen skickades <DateText date={swedishDay(data.reminders.last)} />.
              </>
            )}
          </p>
          {data.unanswered > 0 && (
            <button type="submit" class="button secondary">
              Påminn dem som inte har svarat
            </button>
          )}
        </PostForm>
      )}
      <PostForm action={`/omrostningar/${data.poll.id}/valj`} csrf={csrf} class="stack" label="Välj datum">
        <ErrorSummary state={pick} />
        <CheckboxGroup
          form="valj"
          name="options"
          legend="Välj de datum som ska bli möten"
          hint="Varje valt datum blir ett planerat möte med omröstningens plats och tider. Omröstningen stängs. Ett datum som redan är ett möte skapas inte igen."
          options={options}
          checked={
            pick
              ? Array.isArray(pick.values.options)
                ? pick.values.options.map(String)
                : pick.values.options
                  ? [String(pick.values.options)]
                  : []
              : chosen.map(String)
          }
          errors={pick?.errors}
        />
        <button type="submit" class="button">
          Skapa möten för valda datum
        </button>
      </PostForm>
    </section>
  );
}

/** The reminder notice after "Påminn": how many got a mail and who has no address. */
export type ReminderNotice = { queued: number; without: number } | undefined;

/** One date poll: the matrix of answers with totals, the viewer's answer form, the coordinator's tools. */
export function DatePollPage(props: {
  data: DatePollPageData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
  reminded?: ReminderNotice;
}) {
  const { data } = props;
  const { poll } = data;
  const csrf = props.csrf;
  const made = data.options.filter((o) => o.meetingId !== null);
  return (
    <Layout
      title={`${poll.title} – ${poll.networkName}`}
      active="networks"
      crumbs={[
        ...crumbs(poll.networkSlug, poll.networkName),
        { href: `/natverk/${poll.networkSlug}/omrostningar`, label: "Datumomröstningar" },
      ]}
    >
      <h1>
        {poll.title}
        <span class="subtitle">{poll.networkName}</span>
      </h1>
      <Notice notice={props.notice} />
      {props.reminded && (
        <p class="notice ok" role="status">
          Påminnelsen skickas till {props.reminded.queued} {props.reminded.queued === 1 ? "person" : "personer"}.
          {props.reminded.without > 0 && ` ${props.reminded.without} saknar e-postadress och fick ingen påminnelse.`}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <Status isOpen={poll.isOpen} closesAt={poll.closesAt} />
          </dd>
        </div>
        {poll.location && (
          <div>
            <dt>Plats</dt>
            <dd>{poll.location}</dd>
          </div>
        )}
        {(poll.defaultStartTime || poll.defaultEndTime) && (
          <div>
            <dt>Tid</dt>
            <dd>kl. {formatTimeRange(poll.defaultStartTime, poll.defaultEndTime)}</dd>
          </div>
        )}
        {poll.createdByName && (
          <div>
            <dt>Föreslagen av</dt>
            <dd>
              {poll.createdByName}, <DateText date={swedishDay(poll.createdAt)} />
            </dd>
          </div>
        )}
      </dl>
      <Markdown source={poll.description} />
      {made.length > 0 && (
        <section aria-labelledby="moten-rubrik">
          <h2 id="moten-rubrik">Möten som skapats</h2>
          <ul>
            {made.map((o) => (
              <li key={o.id}>
                <a href={`/moten/${o.meetingId}`}>
                  {optionLabel(
                    {
                      date: o.date,
                      startTime: o.startTime ?? poll.defaultStartTime,
                      endTime: o.endTime ?? poll.defaultEndTime,
                    },
                    true,
                  )}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="svar-rubrik">
        <h2 id="svar-rubrik">Svaren</h2>
        {data.options.length === 0 ? <Empty>Omröstningen har inga datum.</Empty> : <Matrix data={data} />}
      </section>
      {data.canAnswer && poll.isOpen && <AnswerForm data={data} csrf={csrf} state={props.state} />}
      {!poll.isOpen && <ErrorSummary state={stateFor(props.state, "svar")} />}
      {data.canAnswer && !poll.isOpen && <p class="notice">Omröstningen är stängd; svaren kan inte längre ändras.</p>}
      {data.canManage && <Manage data={data} csrf={csrf} state={props.state} />}
    </Layout>
  );
}
