import { ApiError } from '../api.ts';

/** An API or input error, with every bad field when the server named them. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as Error;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error" role="alert">
      <strong>{error instanceof ApiError && error.status ? `Error ${error.status}: ` : 'Error: '}</strong>
      {issues.length > 0 ? 'the request has invalid fields.' : e.message}
      {issues.length > 0 && (
        <ul>{issues.map((i, k) => <li key={k}><code>{i.path || i.in}</code>: {i.message}</li>)}</ul>
      )}
    </div>
  );
}
