import type { MembersEditorData, MembershipEditorData } from "../../commands/getNetworkEditors.js";
import type { MemberRow } from "../../db/queries/networks.js";
import { ROLE_LABELS } from "../../domain/labels.js";
import { type FormState, fieldValue, stateFor } from "../forms.js";
import { DateText, Empty } from "./components.js";
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";

const LABELS: Record<string, string> = {
  person_id: "Person",
  new_name: "Ny persons namn",
  new_email: "E-post",
  role: "Roll",
  municipality_id: "Kommun",
  from_date: "Från",
  to_date: "Till",
  membership_id: "Den som slutar",
  date: "Från datum",
  body: "Organ",
};

const ROLE_OPTIONS = Object.entries(ROLE_LABELS) as [string, string][];

function Period({ from, to }: { from: string | null; to: string | null }) {
  return (
    <>
      {from ? <DateText date={from} /> : "?"} – {to ? <DateText date={to} /> : "tills vidare"}
    </>
  );
}

function MemberTable({ rows, caption, slug }: { rows: MemberRow[]; caption: string; slug: string }) {
  return (
    <table class="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Namn</th>
          <th scope="col">Kommun</th>
          <th scope="col">Roll</th>
          <th scope="col">Period</th>
          <th scope="col">
            <span class="visually-hidden">Ändra</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.membershipId}>
            <td>
              <a href={`/personer/${m.personId}`}>{m.name}</a>
            </td>
            <td>{m.municipality ?? "–"}</td>
            <td>{ROLE_LABELS[m.role]}</td>
            <td>
              <Period from={m.fromDate} to={m.toDate} />
            </td>
            <td>
              <a href={`/natverk/${slug}/medlemmar/${m.membershipId}`}>
                Ändra<span class="visually-hidden"> {m.name}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PersonChoice(props: { form: string; state: FormState | undefined; data: MembersEditorData; legend: string }) {
  const { form, state, data } = props;
  const errors = state?.errors;
  return (
    <fieldset class="field">
      <legend>{props.legend}</legend>
      <SelectField
        form={form}
        name="person_id"
        label="Välj en person som finns i Samråd"
        value={fieldValue(state, "person_id", "")}
        options={data.people.map((p) => [String(p.id), `${p.name}${p.municipality ? `, ${p.municipality}` : ""}`])}
        empty="Välj person"
        errors={errors}
      />
      <p class="hint">… eller skriv in en ny person:</p>
      <div class="field-row">
        <TextField form={form} name="new_name" label="Namn" value={fieldValue(state, "new_name", "")} errors={errors} />
        <TextField
          form={form}
          name="new_email"
          label="E-post"
          type="email"
          value={fieldValue(state, "new_email", "")}
          errors={errors}
        />
        <TextField
          form={form}
          name="new_title"
          label="Titel"
          value={fieldValue(state, "new_title", "")}
          errors={errors}
        />
        <TextField
          form={form}
          name="new_phone"
          label="Telefon"
          type="tel"
          value={fieldValue(state, "new_phone", "")}
          errors={errors}
        />
      </div>
    </fieldset>
  );
}

/** Members over time: current, coming and former; add a member; "X ersätter Y"; representatives. */
export function MembersEditorPage(props: {
  data: MembersEditorData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data, csrf, state } = props;
  const { network } = data;
  const url = `/natverk/${network.slug}`;
  const add = stateFor(state, "ny-medlem");
  const replace = stateFor(state, "ersatt");
  const rep = stateFor(state, "representant");
  const municipalityOptions = data.municipalities.map((k) => [String(k.id), k.name] as [string, string]);
  return (
    <Layout
      title={`Medlemmar – ${network.name}`}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: url, label: network.name },
      ]}
    >
      <h1>
        Medlemmar<span class="subtitle">{network.name}</span>
      </h1>
      <Notice notice={props.notice} />
      <p>
        <a href={`${url}/kontakter`}>Kontaktlista att skriva ut</a>
      </p>
      <section aria-labelledby="nuvarande">
        <h2 id="nuvarande">Nuvarande medlemmar ({data.current.length})</h2>
        {data.current.length === 0 ? (
          <Empty>Nätverket har inga medlemmar just nu.</Empty>
        ) : (
          <MemberTable rows={data.current} caption="Nuvarande medlemmar" slug={network.slug} />
        )}
        {data.coming.length > 0 && <MemberTable rows={data.coming} caption="Börjar senare" slug={network.slug} />}
        {data.former.length > 0 && (
          <details>
            <summary>Tidigare medlemmar ({data.former.length})</summary>
            <MemberTable rows={data.former} caption="Tidigare medlemmar" slug={network.slug} />
          </details>
        )}
      </section>

      <section aria-labelledby="ersatt-rubrik">
        <h2 id="ersatt-rubrik">Någon ersätter en medlem</h2>
        <p class="hint">Den som slutar får sitt sista datum och den nya börjar samma dag, med samma roll och kommun.</p>
        <PostForm action={`${url}/ersattare`} csrf={csrf} class="stack" label="Någon ersätter en medlem">
          <ErrorSummary state={replace} labels={LABELS} />
          <SelectField
            form="ersatt"
            name="membership_id"
            label="Vem slutar?"
            value={fieldValue(replace, "membership_id", "")}
            options={data.current.map((m) => [
              String(m.membershipId),
              `${m.name}${m.municipality ? `, ${m.municipality}` : ""} (${ROLE_LABELS[m.role].toLowerCase()})`,
            ])}
            empty="Välj medlem"
            errors={replace?.errors}
            required
          />
          <PersonChoice form="ersatt" state={replace} data={data} legend="Vem ersätter?" />
          <TextField
            form="ersatt"
            name="date"
            label="Från datum"
            hint="ÅÅÅÅ-MM-DD"
            value={fieldValue(replace, "date", "")}
            errors={replace?.errors}
            inputMode="numeric"
            size="short"
            required
          />
          <button type="submit" class="button">
            Spara bytet
          </button>
        </PostForm>
      </section>

      <section aria-labelledby="ny-medlem-rubrik">
        <h2 id="ny-medlem-rubrik">Lägg till en medlem</h2>
        <PostForm action={`${url}/medlemmar`} csrf={csrf} class="stack" label="Lägg till en medlem">
          <ErrorSummary state={add} labels={LABELS} />
          <PersonChoice form="ny-medlem" state={add} data={data} legend="Vem?" />
          <div class="field-row">
            <SelectField
              form="ny-medlem"
              name="role"
              label="Roll"
              hint="Högst två ordförande samtidigt."
              value={fieldValue(add, "role", "member")}
              options={ROLE_OPTIONS}
              errors={add?.errors}
            />
            <SelectField
              form="ny-medlem"
              name="municipality_id"
              label="Representerar"
              value={fieldValue(add, "municipality_id", "")}
              options={municipalityOptions}
              empty="Personens egen kommun"
              errors={add?.errors}
            />
            <TextField
              form="ny-medlem"
              name="from_date"
              label="Från"
              hint="ÅÅÅÅ-MM-DD"
              value={fieldValue(add, "from_date", "")}
              errors={add?.errors}
              size="short"
            />
            <TextField
              form="ny-medlem"
              name="to_date"
              label="Till (frivilligt)"
              hint="ÅÅÅÅ-MM-DD"
              value={fieldValue(add, "to_date", "")}
              errors={add?.errors}
              size="short"
            />
          </div>
          <button type="submit" class="button">
            Lägg till medlemmen
          </button>
        </PostForm>
      </section>

      <section aria-labelledby="representanter-rubrik">
        <h2 id="representanter-rubrik">Representanter i andra organ</h2>
        {data.representations.length === 0 ? (
          <Empty>Nätverket har inga representanter i andra organ.</Empty>
        ) : (
          <ul class="representations">
            {data.representations.map((r) => {
              const form = `representant-${r.id}`;
              const s = stateFor(state, form);
              return (
                <li key={r.id}>
                  {r.body}: {r.name}
                  {r.municipality && `, ${r.municipality}`} (<Period from={r.fromDate} to={r.toDate} />)
                  <details open={s !== undefined}>
                    <summary>
                      Ändra
                      <span class="visually-hidden">
                        {" "}
                        {r.name} i {r.body}
                      </span>
                    </summary>
                    <PostForm
                      action={`${url}/representanter/${r.id}`}
                      csrf={csrf}
                      class="stack"
                      label={`Ändra ${r.name} i ${r.body}`}
                    >
                      <ErrorSummary state={s} labels={LABELS} />
                      <input type="hidden" name="person_id" value={String(r.personId)} />
                      <div class="field-row">
                        <TextField
                          form={form}
                          name="body"
                          label="Organ"
                          value={fieldValue(s, "body", r.body)}
                          errors={s?.errors}
                        />
                        <TextField
                          form={form}
                          name="from_date"
                          label="Från"
                          value={fieldValue(s, "from_date", r.fromDate)}
                          errors={s?.errors}
                          size="short"
                        />
                        <TextField
                          form={form}
                          name="to_date"
                          label="Till"
                          value={fieldValue(s, "to_date", r.toDate)}
                          errors={s?.errors}
                          size="short"
                        />
                      </div>
                      <button type="submit" class="button secondary small">
                        Spara
                      </button>
                    </PostForm>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
        <PostForm action={`${url}/representanter`} csrf={csrf} class="stack" label="Ny representant">
          <h3>Ny representant</h3>
          <ErrorSummary state={rep} labels={LABELS} />
          <div class="field-row">
            <SelectField
              form="representant"
              name="person_id"
              label="Person"
              value={fieldValue(rep, "person_id", "")}
              options={data.people.map((p) => [
                String(p.id),
                `${p.name}${p.municipality ? `, ${p.municipality}` : ""}`,
              ])}
              empty="Välj person"
              errors={rep?.errors}
              required
            />
            <TextField
              form="representant"
              name="body"
              label="Organ"
              hint="T.ex. NSK-S eller KFSK socialchefsråd"
              value={fieldValue(rep, "body", "")}
              errors={rep?.errors}
              required
            />
            <TextField
              form="representant"
              name="from_date"
              label="Från"
              hint="ÅÅÅÅ-MM-DD"
              value={fieldValue(rep, "from_date", "")}
              errors={rep?.errors}
              size="short"
            />
            <TextField
              form="representant"
              name="to_date"
              label="Till"
              hint="ÅÅÅÅ-MM-DD"
              value={fieldValue(rep, "to_date", "")}
              errors={rep?.errors}
              size="short"
            />
          </div>
          <button type="submit" class="button secondary">
            Lägg till representanten
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** One membership: role, municipality, period and note (ending it is setting the end date). */
export function MembershipEditPage(props: {
  data: MembershipEditorData;
  csrf: string | null;
  state?: FormState | undefined;
}) {
  const { network, membership: m, municipalities } = props.data;
  const s = props.state;
  const form = "medlemskap";
  const url = `/natverk/${network.slug}`;
  return (
    <Layout
      title={`${m.name} – ${network.name}`}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: url, label: network.name },
        { href: `${url}/medlemmar`, label: "Medlemmar" },
      ]}
    >
      <h1>
        {m.name}
        <span class="subtitle">Medlemskap i {network.name}</span>
      </h1>
      <PostForm action={`${url}/medlemmar/${m.id}`} csrf={props.csrf} class="stack" label={`Medlemskap för ${m.name}`}>
        <ErrorSummary state={s} labels={LABELS} />
        <div class="field-row">
          <SelectField
            form={form}
            name="role"
            label="Roll"
            value={fieldValue(s, "role", m.role)}
            options={ROLE_OPTIONS}
            errors={s?.errors}
          />
          <SelectField
            form={form}
            name="municipality_id"
            label="Representerar"
            value={fieldValue(s, "municipality_id", m.municipality_id)}
            options={municipalities.map((k) => [String(k.id), k.name])}
            empty="Ingen kommun"
            errors={s?.errors}
          />
        </div>
        <div class="field-row">
          <TextField
            form={form}
            name="from_date"
            label="Från"
            hint="ÅÅÅÅ-MM-DD"
            value={fieldValue(s, "from_date", m.from_date)}
            errors={s?.errors}
            size="short"
          />
          <TextField
            form={form}
            name="to_date"
            label="Till"
            hint="Dagen då uppdraget upphör. Lämna tomt om det fortsätter."
            value={fieldValue(s, "to_date", m.to_date)}
            errors={s?.errors}
            size="short"
          />
        </div>
        <TextArea
          form={form}
          name="note"
          label="Anteckning"
          value={fieldValue(s, "note", m.note)}
          errors={s?.errors}
          rows={2}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Spara
          </button>
          <a href={`${url}/medlemmar`}>Avbryt</a>
        </div>
      </PostForm>
    </Layout>
  );
}
