import { Layout } from "../components/Layout.tsx";

export interface ErrorPageProps {
  status: number;
  code: string;
  message: string;
  requestId: string;
}

/** The page for every HTML error (404, 500 …); API paths answer in JSON instead. */
export default function ErrorPage({ status, message, requestId }: ErrorPageProps) {
  const notFound = status === 404;
  return (
    <Layout>
      <section class="error-page" aria-labelledby="error-title">
        <p class="error-page__status">{status}</p>
        <h1 id="error-title">{notFound ? "Page not found" : "Something went wrong"}</h1>
        <p class="lead">{message}</p>
        {!notFound && status >= 500 && (
          <p class="muted">
            If this keeps happening, give your administrator this reference:{" "}
            <code>{requestId}</code>
          </p>
        )}
        <p>
          <a class="button button--primary" href="/">Go to the home page</a>
        </p>
      </section>
    </Layout>
  );
}
