import type { Run } from '../lib/terms';

/** Text with glossary terms as buttons (data-term-id); clicks are handled by the container. */
export function TermText({ runs, marks }: { runs: readonly Run[]; marks: boolean }) {
  return (
    <>
      {runs.map((r, i) =>
        r.termId && marks ? (
          <button key={i} type="button" class="term" data-term-id={r.termId} aria-haspopup="dialog">
            {r.text}
          </button>
        ) : (
          r.text
        ),
      )}
    </>
  );
}
