import type { ChairRotationData } from "../../commands/getChairRotation.js";
import { type FormState, fieldValue, fieldValues, stateFor } from "../forms.js";
import { DateText, Empty } from "./components.js";
import { CheckboxGroup, ErrorSummary, PostForm, SelectField, TextField } from "./form-parts.js";
import { Layout } from "./layout.js";
import { Notice, type NoticeKey } from "./meeting-editor-layout.js";

/** Chair rotation: who chairs now, the proposed next chairs, and the form to appoint one. */
export function ChairRotationPage(props: {
  data: ChairRotationData;
  csrf: string | null;
  state?: FormState | undefined;
  notice?: NoticeKey | undefined;
}) {
  const { data } = props;
  const slug = data.network.slug;
  const s = stateFor(props.state, "ordforande");
  const candidates = data.proposals.flatMap((p) =>
    p.candidates.map((c): [string, string] => [String(c.personId), `${c.name}, ${p.municipality}`]),
  );
  return (
    <Layout
      title={`Ordförandeskap – ${data.network.name}`}
      active="networks"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${slug}`, label: data.network.name },
      ]}
    >
      <h1>
        Ordförandeskap<span class="subtitle">{data.network.name}</span>
      </h1>
      <Notice notice={props.notice} />
      <p class="lead">{data.statement}</p>
      <section aria-labelledby="nu">
        <h2 id="nu">Ordförande nu</h2>
        {data.chairs.length === 0 ? (
          <Empty>Nätverket har ingen ordförande just nu.</Empty>
        ) : (
          <ul>
            {data.chairs.map((c) => (
              <li key={c.personId}>
                <a href={`/personer/${c.personId}`}>{c.name}</a>
                {c.municipality && `, ${c.municipality}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="forslag">
        <h2 id="forslag">Förslag på nästa ordförande</h2>
        <p class="hint">
          Kommunerna som längst har varit utan ordförandeskapet står först, enligt närvarolistornas ”(ordf.)” och
          ordförandeposterna i medlemskapen.
        </p>
        {data.proposals.length === 0 ? (
          <Empty>Ingen kommun med en nuvarande medlem att föreslå.</Empty>
        ) : (
          <table class="list">
            <caption>Föreslagen turordning</caption>
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col">Senast ordförande</th>
                <th scope="col">Medlemmar som kan ta över</th>
              </tr>
            </thead>
            <tbody>
              {data.proposals.map((p) => (
                <tr key={p.municipality}>
                  <th scope="row">{p.municipality}</th>
                  <td>{p.lastChaired ? <DateText date={p.lastChaired} /> : "Aldrig enligt det som finns i Samråd"}</td>
                  <td>{p.candidates.map((c) => c.name).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {data.canAppoint && candidates.length > 0 && (
        <section aria-labelledby="utse">
          <h2 id="utse">Utse ordförande</h2>
          <PostForm
            action={`/natverk/${slug}/ordforande`}
            csrf={props.csrf}
            class="stack"
            id="ordforande"
            label="Utse ordförande"
          >
            <ErrorSummary
              state={s}
              labels={{ person_id: "Ny ordförande", date: "Från och med", replace_ids: "Lämnar ordförandeskapet" }}
            />
            <SelectField
              form="ordforande"
              name="person_id"
              label="Ny ordförande"
              options={candidates}
              value={fieldValue(s, "person_id", candidates[0]?.[0])}
              errors={s?.errors}
              required
            />
            <TextField
              form="ordforande"
              name="date"
              type="date"
              label="Från och med"
              value={fieldValue(s, "date", data.today)}
              errors={s?.errors}
              required
              hint="Den som lämnar ordförandeskapet fortsätter som medlem från samma dag."
            />
            {data.chairs.length > 0 && (
              <CheckboxGroup
                form="ordforande"
                name="replace_ids"
                legend="Lämnar ordförandeskapet"
                hint="Den som inte bockas för blir kvar som medordförande (högst två ordförande samtidigt)."
                options={data.chairs.map((c) => [
                  String(c.personId),
                  c.municipality ? `${c.name}, ${c.municipality}` : c.name,
                ])}
                checked={fieldValues(
                  s,
                  "replace_ids",
                  data.chairs.map((c) => c.personId),
                )}
                errors={s?.errors}
              />
            )}
            <button type="submit" class="button">
              Utse till ordförande
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
