// A package's README as the server rendered and sanitized it (readmeHtml), or a line saying there is none.
export function Readme({ html, missing }: { html: string | null | undefined; missing: string }) {
  return (
    <article className="readme" aria-label="README">
      {html ? <div dangerouslySetInnerHTML={{ __html: html }} /> : <p className="muted">{missing}</p>}
    </article>
  );
}
