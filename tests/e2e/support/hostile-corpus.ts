/**
 * Text that a customer, an agent or an import could put into a lead, a message, a note, a label
 * or a store's campaign notes, written to do harm if a screen ever treated it as markup: run
 * script, open a dialog, load something from elsewhere, restyle or redirect the page.
 *
 * Every payload that runs script sets `window.__pwned` (and most also call alert), and every
 * payload that loads something points at FOREIGN_ORIGIN: a loopback address the page must never
 * talk to. A screen that shows these as plain text triggers none of it.
 */

/** Set by any payload that manages to run. */
export const PWNED_FLAG = '__pwned';

/** Where the payloads try to load from or send to: not the host (127.0.0.1), never contacted. */
export const FOREIGN_ORIGIN = 'http://127.0.0.2:9';

export interface HostilePayload {
  /** Short and unique: names the payload in a failure message. */
  id: string;
  text: string;
}

const F = FOREIGN_ORIGIN;
const P = `window.${PWNED_FLAG}`;

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  { id: 'script-tag', text: `<script>${P}=1;alert(1)</script>` },
  { id: 'img-onerror', text: `<img src=x onerror="${P}=2;alert(2)">` },
  { id: 'svg-onload', text: `<svg onload="${P}=3;alert(3)"></svg>` },
  { id: 'svg-script', text: `<svg><script>${P}=4</script></svg>` },
  { id: 'javascript-url', text: `javascript:${P}=5;alert(5)` },
  { id: 'anchor-javascript', text: `<a href="javascript:${P}=6">open me</a>` },
  { id: 'iframe-javascript', text: `<iframe src="javascript:top.${PWNED_FLAG}=7"></iframe>` },
  { id: 'iframe-srcdoc', text: `<iframe srcdoc="<script>parent.${PWNED_FLAG}=8</script>">` },
  { id: 'body-onload', text: `<body onload="${P}=9">` },
  {
    id: 'div-onmouseover',
    text: `<div onmouseover="${P}=10" style="position:fixed;inset:0">hover here</div>`,
  },
  { id: 'input-autofocus', text: `<input autofocus onfocus="${P}=11">` },
  { id: 'details-ontoggle', text: `<details open ontoggle="${P}=12">` },
  { id: 'style-tag', text: `<style>*{background:url(${F}/style-tag.png)!important}</style>` },
  { id: 'style-attribute', text: `<b style="background-image:url('${F}/style-attr.png')">x</b>` },
  { id: 'attribute-breakout', text: `" onmouseover="${P}=15" data-x="` },
  { id: 'quote-breakout', text: `'><img src=x onerror=${P}=16>` },
  { id: 'angular-template', text: `{{constructor.constructor('${P}=17')()}}` },
  { id: 'template-literal', text: `\${${P}=18}` },
  {
    id: 'react-dangerous-html',
    text: `{"__html":"<img src=x onerror=${P}=19>","dangerouslySetInnerHTML":true}`,
  },
  { id: 'meta-refresh', text: `<meta http-equiv="refresh" content="0;url=${F}/meta">` },
  { id: 'base-href', text: `<base href="${F}/">` },
  { id: 'form-action', text: `<form action="${F}/form" method="post"><button>Go</button></form>` },
  { id: 'object-data', text: `<object data="${F}/object.swf"></object>` },
  { id: 'embed-src', text: `<embed src="${F}/embed.svg">` },
  { id: 'link-stylesheet', text: `<link rel="stylesheet" href="${F}/sheet.css">` },
  { id: 'video-source-onerror', text: `<video><source onerror="${P}=26"></video>` },
  {
    id: 'mutation-xss',
    text: `<math><mtext><table><mglyph><style><img src=x onerror=${P}=27></style>`,
  },
  { id: 'entity-encoded-script', text: `&lt;script&gt;${P}=28&lt;/script&gt;` },
  { id: 'numeric-entities', text: `&#60;img src=x onerror=${P}=29&#62; &amp; &quot;` },
  { id: 'markdown-link', text: `[click here](javascript:${P}=30)` },
  { id: 'markdown-image', text: `![photo](${F}/markdown.png)` },
  { id: 'bidi-override', text: 'invoice\u202Egnp.exe \u2066isolated\u2069 \u200Fmark' },
  { id: 'zero-width', text: 'zero\u200Bwidth\u200Cjoin\u200Ders\uFEFFhere\u2060too' },
  { id: 'split-script', text: `<scr<script>ipt>${P}=35</scr</script>ipt>` },
  { id: 'data-url-svg', text: `<img src="data:image/svg+xml,<svg onload=${P}=36>">` },
  { id: 'url-encoded', text: `%3Cscript%3E${P}%3D37%3C%2Fscript%3E` },
  { id: 'noscript-breakout', text: `<noscript><p title="</noscript><img src=x onerror=${P}=38>">` },
  { id: 'template-element', text: `<template><script>${P}=39</script></template>` },
  { id: 'css-expression', text: `color: expression(${P}=40); background: url(javascript:a)` },
  { id: 'unknown-element-onclick', text: `<x-card onclick="${P}=41">press</x-card>` },
  { id: 'multi-line', text: `first line\n<script>${P}=42</script>\n\n  indented third` },
  { id: 'emoji-and-rtl', text: 'مرحبا 👋🏽 <b>שלום</b> 🚗💨' },
  {
    id: 'very-long',
    text: `${'A'.repeat(6_000)}<img src=x onerror=${P}=43>${'\u202E'.repeat(50)}${'B '.repeat(2_000)}end`,
  },
];

/** Payloads short enough for a field of `max` characters (names, labels, previews). */
export function payloadsUpTo(max: number): HostilePayload[] {
  return HOSTILE_PAYLOADS.filter((p) => p.text.length <= max);
}
