import type { PlanPageData } from "../../commands/getPlanPage.js";
import type { PlansOverviewData } from "../../commands/getPlansOverview.js";
import { formatDate } from "../../domain/dates.js";
import { THEME_OWNERS } from "../../domain/plan-input.js";
import { type FormState, fieldValue, fieldValues, stateFor } from "../forms.js";
import { AdminTabs } from "./admin-pages.js";
import { DateText, Empty, Markdown } from "./components.js";
import { ButtonForm, CheckboxGroup, ErrorSummary, PostForm, SelectField, TextArea, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";

type Member = { personId: number; name: string; municipality: string | null };
type Theme = PlanPageData["themes"][number];

const PLAN_LABELS = {
  purpose: "Syfte",
  goals: "Mål för året",
  organisation: "Mötesorganisation (hur ofta, var och hur nätverket möts)",
} as const;

const memberOptions = (members: Member[]): [string, string][] =>
  members.map((m) => [String(m.personId), m.municipality ? `${m.name}, ${m.municipality}` : m.name]);

/** The owners a theme needs, as a hint under the checkboxes. */
export const OWNERS_HINT = `Välj ${THEME_OWNERS.min}–${THEME_OWNERS.max} av nätverkets nuvarande medlemmar.`;

/** The checkboxes for a theme's responsible members (current members, plus owners who have left). */
export function OwnerChoice(props: {
  form: string;
  members: Member[];
  checked: string[];
  state: FormState | undefined;
  legend?: string;
}) {
  return (
    <CheckboxGroup
      form={props.form}
      name="owner_ids"
      legend={props.legend ?? "Ansvariga"}
      hint={OWNERS_HINT}
      options={memberOptions(props.members)}
      checked={props.checked}
      errors={props.state?.errors}
    />
  );
}

function ThemeForm(props: { data: PlanPageData; theme?: Theme; csrf: string | null; state: FormState | undefined }) {
  const { data, theme } = props;
  const form = theme ? `tema-${theme.id}` : "nytt-tema";
  const s = stateFor(props.state, form);
  const base = `/natverk/${data.network.slug}/plan/${data.year}/teman`;
  return (
    <PostForm
      action={theme ? `${base}/${theme.id}` : base}
      csrf={props.csrf}
      class="stack"
      label={theme ? `Ändra temaområdet ${theme.title}` : "Nytt temaområde"}
      id={form}
    >
      <ErrorSummary
        state={s}
        labels={{ title: "Rubrik", owner_ids: "Ansvariga", planned_meeting_id: "Planerat till möte" }}
      />
      <TextField
        form={form}
        name="title"
        label="Rubrik"
        value={fieldValue(s, "title", theme?.title)}
        errors={s?.errors}
        required
      />
      <TextArea
        form={form}
        name="description"
        label="Beskrivning (frivillig)"
        value={fieldValue(s, "description", theme?.description)}
        errors={s?.errors}
        rows={2}
      />
      <OwnerChoice
        form={form}
        members={data.members}
        checked={fieldValues(s, "owner_ids", theme?.owners.map((o) => o.personId) ?? [])}
        state={s}
      />
      <SelectField
        form={form}
        name="planned_meeting_id"
        label="Planerat till möte"
        empty="Inte planerat än"
        options={data.meetings.map((m) => [String(m.id), `${formatDate(m.date)}${m.title ? ` – ${m.title}` : ""}`])}
        value={fieldValue(s, "planned_meeting_id", theme?.plannedMeetingId)}
        errors={s?.errors}
      />
      <button type="submit" class="button">
        {theme ? "Spara temaområdet" : "Lägg till temaområdet"}
      </button>
    </PostForm>
  );
}

function ThemeList({ data, csrf, state }: { data: PlanPageData; csrf: string | null; state: FormState | undefined }) {
  if (data.themes.length === 0) return <Empty>Planen har inga temaområden än.</Empty>;
  return (
    <ol class="themes">
      {data.themes.map((t) => (
        <li key={t.id} class="theme">
          <h3>{t.title}</h3>
          {t.description && <p>{t.description}</p>}
          <p>
            <strong>Ansvariga:</strong>{" "}
            {t.owners.length
              ? t.owners.map((o) => (o.municipality ? `${o.name} (${o.municipality})` : o.name)).join(", ")
              : "–"}
          </p>
          <p>
            <strong>Planerat till:</strong>{" "}
            {t.plannedMeetingId && t.plannedDate ? (
              <a href={`/moten/${t.plannedMeetingId}`}>
                mötet <DateText date={t.plannedDate} />
              </a>
            ) : (
              "inget möte än"
            )}
          </p>
          {data.canEdit && (
            <details open={stateFor(state, `tema-${t.id}`) !== undefined}>
              <summary>
                Ändra<span class="visually-hidden"> {t.title}</span>
              </summary>
              <ThemeForm data={data} theme={t} csrf={csrf} state={state} />
              <ButtonForm
                action={`/natverk/${data.network.slug}/plan/${data.year}/teman/${t.id}/ta-bort`}
                csrf={csrf}
                label="Ta bort temaområdet"
                accessibleName={`Ta bort temaområdet ${t.title}`}
                variant="danger"
              />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

function PlanTexts({ data }: { data: PlanPageData }) {
  const plan = data.plan;
  if (!plan) return <Empty>Det finns ingen verksamhetsplan för {data.year}.</Empty>;
  return (
    <dl class="plan-texts">
      {(Object.keys(PLAN_LABELS) as (keyof typeof PLAN_LABELS)[]).map((key) => (
        <div key={key}>
          <dt>{PLAN_LABELS[key]}</dt>
          <dd>{plan[key] ? <Markdown source={plan[key]} /> : <span class="muted">Inte ifyllt.</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

function PlanForm({ data, csrf, state }: { data: PlanPageData; csrf: string | null; state: FormState | undefined }) {
  const s = stateFor(state, "plan");
  return (
    <details open={s !== undefined || data.plan === null}>
      <summary>{data.plan ? "Ändra planens texter" : `Skriv verksamhetsplanen för ${data.year}`}</summary>
      <PostForm
        action={`/natverk/${data.network.slug}/plan/${data.year}`}
        csrf={csrf}
        class="stack"
        id="plan"
        label="Verksamhetsplanens texter"
      >
        <ErrorSummary state={s} labels={PLAN_LABELS} />
        {(Object.keys(PLAN_LABELS) as (keyof typeof PLAN_LABELS)[]).map((key) => (
          <TextArea
            key={key}
            form="plan"
            name={key}
            label={PLAN_LABELS[key]}
            value={fieldValue(s, key, data.plan?.[key])}
            errors={s?.errors}
            rows={4}
          />
        ))}
        <button type="submit" class="button">
          Spara planen
        </button>
      </PostForm>
    </details>
  );
}

/** A network's yearly plan: texts, theme areas with owners and planned meetings, other years. */
export function PlanPage(props: {
  data: PlanPageData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data, csrf, state } = props;
  const slug = data.network.slug;
  const years = [...new Set([data.thisYear + 1, data.thisYear, ...data.years, data.year])].sort((a, b) => b - a);
  return (
    <Layout
      title={`Verksamhetsplan ${data.year} – ${data.network.name}`}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${slug}`, label: data.network.name },
      ]}
    >
      <h1>
        Verksamhetsplan {data.year}
        <span class="subtitle">{data.network.name}</span>
      </h1>
      <nav aria-label="Planer för andra år" class="entry-points">
        {years.map((y) => (
          <a
            key={y}
            href={`/natverk/${slug}/plan/${y}`}
            aria-current={y === data.year ? "page" : undefined}
            class={y === data.year ? "button" : "button secondary"}
          >
            {y}
            {data.years.includes(y) ? "" : " (saknas)"}
          </a>
        ))}
      </nav>
      <Notice notice={props.notice} />
      {data.plan?.updatedAt && (
        <p class="muted">
          Senast ändrad <DateText date={data.plan.updatedAt.toISOString().slice(0, 10)} />
          {data.plan.updatedBy && ` av ${data.plan.updatedBy}`}
        </p>
      )}
      {data.canStartFromLastYear && (
        <ButtonForm
          action={`/natverk/${slug}/plan/${data.year}/fran-forra-aret`}
          csrf={csrf}
          label={`Utgå från planen för ${data.year - 1}`}
          variant="secondary"
        />
      )}
      <section aria-labelledby="plan-rubrik">
        <h2 id="plan-rubrik">Syfte, mål och mötesorganisation</h2>
        <PlanTexts data={data} />
        {data.canEdit && <PlanForm data={data} csrf={csrf} state={state} />}
      </section>
      <section aria-labelledby="teman-rubrik">
        <h2 id="teman-rubrik">Temaområden</h2>
        <ThemeList data={data} csrf={csrf} state={state} />
        {data.canEdit && (
          <details open={stateFor(state, "nytt-tema") !== undefined}>
            <summary>Lägg till ett temaområde</summary>
            <ThemeForm data={data} csrf={csrf} state={state} />
          </details>
        )}
      </section>
    </Layout>
  );
}

/** The secretariat's overview: which networks lack this year's plan, and which have one. */
export function PlansOverviewPage({ data }: { data: PlansOverviewData }) {
  return (
    <Layout
      title={`Verksamhetsplaner ${data.year}`}
      active="admin"
      crumbs={[{ href: "/admin", label: "Administration" }]}
    >
      <h1>Verksamhetsplaner {data.year}</h1>
      <AdminTabs current="plans" />
      <p class="lead">
        {data.missing.length === 0
          ? `Alla nätverk har en verksamhetsplan för ${data.year}.`
          : `${data.missing.length} av ${data.missing.length + data.present.length} nätverk saknar verksamhetsplan för ${data.year}.`}
      </p>
      <nav aria-label="Andra år" class="entry-points">
        <a class="button secondary" href={`/admin/verksamhetsplaner?ar=${data.year - 1}`}>
          {data.year - 1}
        </a>
        <a class="button secondary" href={`/admin/verksamhetsplaner?ar=${data.year + 1}`}>
          {data.year + 1}
        </a>
      </nav>
      <section aria-labelledby="saknas">
        <h2 id="saknas">Saknar plan</h2>
        {data.missing.length === 0 ? (
          <Empty>Inga.</Empty>
        ) : (
          <ul>
            {data.missing.map((n) => (
              <li key={n.id}>
                <a href={`/natverk/${n.slug}/plan/${data.year}`}>{n.name}</a>
                {n.lastYear && <span class="muted"> (har en plan för {data.year - 1})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="finns">
        <h2 id="finns">Har plan</h2>
        {data.present.length === 0 ? (
          <Empty>Inga än.</Empty>
        ) : (
          <table class="list">
            <caption>Nätverk med verksamhetsplan för {data.year}</caption>
            <thead>
              <tr>
                <th scope="col">Nätverk</th>
                <th scope="col">Temaområden</th>
                <th scope="col">Senast ändrad</th>
              </tr>
            </thead>
            <tbody>
              {data.present.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <a href={`/natverk/${n.slug}/plan/${data.year}`}>{n.name}</a>
                  </th>
                  <td>{n.themes}</td>
                  <td>{n.updatedAt ? <DateText date={n.updatedAt.toISOString().slice(0, 10)} /> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
