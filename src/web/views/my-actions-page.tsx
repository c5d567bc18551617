import type { MyActionsData } from "../../commands/getMyActions.js";
import type { ActionRow } from "../../db/queries/actions.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { ActionTable } from "./action-list.js";
import { DateText, Empty } from "./components.js";
import { ErrorSummary, PostForm, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";

function OpenAction({
  a,
  today,
  csrf,
  state,
}: {
  a: ActionRow;
  today: string;
  csrf: string | null;
  state: FormState | undefined;
}) {
  const form = `klart-${a.id}`;
  const s = stateFor(state, form);
  const overdue = a.dueDate !== null && a.dueDate < today;
  return (
    <li class="my-action" id={`uppdrag-${a.id}`}>
      <h3>{a.text}</h3>
      <p class="meta">
        <a href={`/natverk/${a.networkSlug}`}>{a.networkName}</a>
        {a.meetingId && a.meetingDate && (
          <>
            {" "}
            · från{" "}
            <a href={`/moten/${a.meetingId}${a.itemId ? `#punkt-${a.itemId}` : ""}`}>
              mötet <DateText date={a.meetingDate} />
            </a>
          </>
        )}
        {a.dueDate && (
          <>
            {" "}
            · klart senast <DateText date={a.dueDate} />
          </>
        )}
        {overdue && <span class="badge overdue"> Försenat</span>}
        {a.assignees && ` · ansvariga: ${a.assignees}`}
      </p>
      <PostForm action={`/uppdrag/${a.id}/klart`} csrf={csrf} class="inline-form" label={`Avsluta: ${a.text}`}>
        <ErrorSummary state={s} labels={{ comment: "Kommentar" }} />
        <TextField
          form={form}
          name="comment"
          label="Kommentar (frivillig)"
          hint="Vad blev gjort? Syns för nätverket."
          value={fieldValue(s, "comment", "")}
          errors={s?.errors}
          size="long"
        />
        <button type="submit" class="button secondary">
          Markera som klart<span class="visually-hidden">: {a.text}</span>
        </button>
      </PostForm>
    </li>
  );
}

/** "Mina uppdrag": the signed-in member's open actions with a way to close each, and those done lately. */
export function MyActionsPage(props: {
  data: MyActionsData;
  today: string;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data } = props;
  return (
    <Layout title="Mina uppdrag" active="actions" crumbs={[{ href: "/uppdrag", label: "Uppdrag" }]}>
      <h1>Mina uppdrag</h1>
      <Notice notice={props.notice} />
      {!data.linked ? (
        <p>Ditt konto är inte kopplat till en person i något nätverk, så du har inga uppdrag här.</p>
      ) : (
        <>
          <section aria-labelledby="mina-pagaende">
            <h2 id="mina-pagaende">Att göra ({data.open.length})</h2>
            {data.open.length === 0 ? (
              <Empty>Du har inga pågående uppdrag.</Empty>
            ) : (
              <ul class="my-actions">
                {data.open.map((a) => (
                  <OpenAction key={a.id} a={a} today={props.today} csrf={props.csrf} state={props.state} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="mina-klara">
            <h2 id="mina-klara">Klara</h2>
            <ActionTable actions={data.done} caption="Mina klara uppdrag" today={props.today} showNetwork />
          </section>
        </>
      )}
    </Layout>
  );
}
