import type { NetworkEditorData } from "../../commands/getNetworkEditors.js";
import { ITEM_KIND_LABELS, NETWORK_KIND_LABELS, NETWORK_STATUS_LABELS } from "../../domain/labels.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { Empty } from "./components.js";
import { ButtonForm, ErrorSummary, PostForm, SelectField, TextArea, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";

const LABELS: Record<string, string> = {
  name: "Namn",
  kind: "Sort",
  parent_id: "Hör till",
  status: "Status",
  purpose: "Syfte",
  title: "Rubrik",
};

type Stored = { name: string; kind: string; parent_id: number | null; status: string; purpose: string };

function NetworkFields(props: {
  form: string;
  state: FormState | undefined;
  stored: Stored;
  parents: { id: number; name: string }[];
}) {
  const { form, state, stored } = props;
  const errors = state?.errors;
  return (
    <>
      <TextField
        form={form}
        name="name"
        label="Namn"
        value={fieldValue(state, "name", stored.name)}
        errors={errors}
        size="long"
        required
      />
      <div class="field-row">
        <SelectField
          form={form}
          name="kind"
          label="Sort"
          value={fieldValue(state, "kind", stored.kind)}
          options={Object.entries(NETWORK_KIND_LABELS)}
          errors={errors}
        />
        <SelectField
          form={form}
          name="parent_id"
          label="Hör till"
          hint="Undernätverk och arbetsgrupper hör till ett nätverk."
          value={fieldValue(state, "parent_id", stored.parent_id)}
          options={props.parents.map((p) => [String(p.id), p.name])}
          empty="Inget (eget nätverk)"
          errors={errors}
        />
        <SelectField
          form={form}
          name="status"
          label="Status"
          value={fieldValue(state, "status", stored.status)}
          options={Object.entries(NETWORK_STATUS_LABELS)}
          errors={errors}
        />
      </div>
      <TextArea
        form={form}
        name="purpose"
        label="Syfte"
        hint="Vad nätverket är till för; visas överst på nätverkets sida."
        value={fieldValue(state, "purpose", stored.purpose)}
        errors={errors}
        rows={4}
      />
    </>
  );
}

/** "Nytt nätverk": a network, sub-network or working group. */
export function NewNetworkPage(props: {
  parents: { id: number; name: string }[];
  parentId: number | undefined;
  csrf: string | null;
  state?: FormState | undefined;
}) {
  return (
    <Layout title="Nytt nätverk" active="networks" crumbs={[{ href: "/natverk", label: "Nätverk" }]}>
      <h1>Nytt nätverk</h1>
      <PostForm action="/natverk" csrf={props.csrf} class="stack" label="Nytt nätverk">
        <ErrorSummary state={props.state} labels={LABELS} />
        <NetworkFields
          form="natverk"
          state={props.state}
          parents={props.parents}
          stored={{
            name: "",
            kind: props.parentId ? "subnetwork" : "network",
            parent_id: props.parentId ?? null,
            status: "active",
            purpose: "",
          }}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Skapa nätverket
          </button>
        </div>
      </PostForm>
    </Layout>
  );
}

/** Open minutes, reminder days and the deadline for items sent in. */
function NetworkRules(props: {
  url: string;
  network: { publish_minutes: boolean; reminder_days: number; submission_days: number };
  csrf: string | null;
  state: FormState | undefined;
}) {
  const { network, state } = props;
  const published = state ? state.values.publish_minutes === "on" : network.publish_minutes;
  return (
    <section aria-labelledby="regler-rubrik">
      <h2 id="regler-rubrik">Öppenhet, påminnelser och frister</h2>
      <PostForm
        action={`${props.url}/regler`}
        csrf={props.csrf}
        class="stack"
        id="regler"
        label="Öppenhet, påminnelser och frister"
      >
        <ErrorSummary
          state={state}
          labels={{ reminder_days: "Påminnelse om uppdrag", submission_days: "Sista dag för inskickade punkter" }}
        />
        <div class="check">
          <input type="checkbox" id="regler-publish_minutes" name="publish_minutes" checked={published} />
          <label for="regler-publish_minutes">
            Justerade anteckningar är öppna för alla, också den som inte är inloggad
          </label>
        </div>
        <div class="field-row">
          <TextField
            form="regler"
            name="reminder_days"
            type="number"
            inputMode="numeric"
            label="Påminnelse om uppdrag (dagar före)"
            value={fieldValue(state, "reminder_days", network.reminder_days)}
            errors={state?.errors}
          />
          <TextField
            form="regler"
            name="submission_days"
            type="number"
            inputMode="numeric"
            label="Sista dag för inskickade punkter (dagar före mötet)"
            value={fieldValue(state, "submission_days", network.submission_days)}
            errors={state?.errors}
          />
        </div>
        <div class="actions-row">
          <button type="submit" class="button">
            Spara
          </button>
        </div>
      </PostForm>
    </section>
  );
}

/** A network's settings: details with the stale-form guard, its rules, and its standing items. */
export function NetworkSettingsPage(props: {
  data: NetworkEditorData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { network, parents, standing, base } = props.data;
  const { csrf, state } = props;
  const formState = stateFor(state, "natverk");
  const standingState = stateFor(state, "staende");
  const current = (formState?.details as { current?: Stored } | undefined)?.current;
  const url = `/natverk/${network.slug}`;
  return (
    <Layout
      title={`Inställningar – ${network.name}`}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: url, label: network.name },
      ]}
    >
      <h1>
        Inställningar<span class="subtitle">{network.name}</span>
      </h1>
      <Notice notice={props.notice} />
      <section aria-labelledby="uppgifter-rubrik">
        <h2 id="uppgifter-rubrik">Uppgifter</h2>
        <PostForm action={`${url}/redigera`} csrf={csrf} class="stack" label="Nätverkets uppgifter">
          <ErrorSummary state={formState} labels={LABELS} />
          {current && (
            <p class="conflict">
              Sparat nu: {current.name}, {NETWORK_STATUS_LABELS[current.status as keyof typeof NETWORK_STATUS_LABELS]}.
            </p>
          )}
          <input type="hidden" name="base" value={base} />
          <NetworkFields form="natverk" state={formState} stored={network} parents={parents} />
          <div class="actions-row">
            <button type="submit" class="button">
              Spara
            </button>
          </div>
        </PostForm>
      </section>
      <NetworkRules url={url} network={network} csrf={csrf} state={stateFor(state, "regler")} />
      <section aria-labelledby="staende-rubrik">
        <h2 id="staende-rubrik">Stående punkter</h2>
        <p class="hint">
          Föreslås först på dagordningen till varje möte, i den här ordningen. ”Övrigt” hamnar alltid sist.
        </p>
        {standing.length === 0 ? (
          <Empty>Nätverket har inga stående punkter.</Empty>
        ) : (
          <ol class="standing-list">
            {standing.map((s, i) => (
              <li key={s.id}>
                <span class="standing-title">
                  {s.title} <span class="muted">({ITEM_KIND_LABELS[s.kind].toLowerCase()}</span>
                  <span class="muted">{s.year ? `, beslut ${s.year}:${s.number}` : ""})</span>
                </span>
                {i > 0 && (
                  <ButtonForm
                    action={`${url}/staende/${s.id}`}
                    csrf={csrf}
                    hidden={{ op: "upp" }}
                    label="Flytta upp"
                    accessibleName={`Flytta upp: ${s.title}`}
                    variant="small"
                  />
                )}
                {i < standing.length - 1 && (
                  <ButtonForm
                    action={`${url}/staende/${s.id}`}
                    csrf={csrf}
                    hidden={{ op: "ned" }}
                    label="Flytta ned"
                    accessibleName={`Flytta ned: ${s.title}`}
                    variant="small"
                  />
                )}
                <ButtonForm
                  action={`${url}/staende/${s.id}`}
                  csrf={csrf}
                  hidden={{ op: "ta-bort" }}
                  label="Ta bort"
                  accessibleName={`Ta bort den stående punkten ${s.title}`}
                  variant="small"
                />
              </li>
            ))}
          </ol>
        )}
        <PostForm action={`${url}/staende`} csrf={csrf} class="inline-form" label="Ny stående punkt">
          <ErrorSummary state={standingState} labels={LABELS} />
          <TextField
            form="staende"
            name="title"
            label="Ny stående punkt"
            value={fieldValue(standingState, "title", "")}
            errors={standingState?.errors}
          />
          <SelectField
            form="staende"
            name="kind"
            label="Sort"
            value={fieldValue(standingState, "kind", "standing")}
            options={[
              ["standing", ITEM_KIND_LABELS.standing],
              ["round", `${ITEM_KIND_LABELS.round} per kommun`],
              ["information", ITEM_KIND_LABELS.information],
            ]}
            errors={standingState?.errors}
          />
          <button type="submit" class="button secondary">
            Lägg till
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}
