import { Layout } from "../components/Layout.tsx";
import { renderPage } from "../lib/app/render.tsx";
import { defineHandlers } from "../lib/app/routing.ts";

const FEATURES = [
  {
    title: "Keep every paper in one place",
    text:
      "Upload invoices, contracts, payslips and letters as PDFs. They stay on your own hardware, in your own storage.",
  },
  {
    title: "Filed for you",
    text:
      "DocuVault reads each document and suggests its type, title, date, issuer, categories and tags — offline, or with the language model you choose.",
  },
  {
    title: "Found in a second",
    text:
      "Search the full text of everything you have stored, with filters for type, category, tag, folder and date.",
  },
  {
    title: "Shared on your terms",
    text:
      "Accounts for the whole household or team, groups, and sharing with exactly the people who should see a document.",
  },
];

function HomePage() {
  return (
    <Layout>
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Your paperwork, organised — and private.</h1>
        <p class="lead">
          DocuVault is a document vault you run yourself. It stores your files, reads them, files
          them and finds them again, without sending anything to anyone else.
        </p>
      </section>
      <section aria-label="What DocuVault does">
        <ul class="feature-grid">
          {FEATURES.map((feature) => (
            <li key={feature.title} class="card feature">
              <h2 class="feature__title">{feature.title}</h2>
              <p>{feature.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

export const handler = defineHandlers({
  GET(c) {
    return renderPage(c, <HomePage />, {
      title: "DocuVault",
      description: "A self-hosted, multi-user document vault.",
    });
  },
});
