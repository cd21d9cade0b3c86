// The matrix preview's page shell: a strict Content Security Policy, one stylesheet and one
// nonce-bound script. The page script builds everything else. No `vscode` import, so the
// browser tests serve exactly what the extension serves.

export interface PreviewHtmlOptions {
  /** `webview.cspSource`: where the stylesheet (and any image) may come from. */
  readonly cspSource: string;
  /** Fresh for every render; the only way a script runs on this page. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The timeline picture's stylesheet (media/timeline.css, made at build time). */
  readonly timelineStyleUri: string;
}

function attribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function previewHtml({ cspSource, nonce, scriptUri, styleUri, timelineStyleUri }: PreviewHtmlOptions): string {
  const csp = `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${attribute(styleUri)}">`,
    `<link rel="stylesheet" href="${attribute(timelineStyleUri)}">`,
    '<title>Obligation matrix</title>',
    '</head>',
    '<body>',
    '<main id="root"><p class="status">Loading the obligation matrix…</p></main>',
    `<script nonce="${attribute(nonce)}" src="${attribute(scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
