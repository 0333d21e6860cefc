/**
 * The classic pane's stylesheet: plain CSS that Internet Explorer 11 understands (no custom properties, no
 * grid, no gap), close to Office's own colours. Inserted as a <style> element (the page's policy allows
 * inline styles).
 */
const CSS = `
.jx { font-family: "Microsoft YaHei", "Segoe UI", "PingFang SC", sans-serif; font-size: 14px; color: #201f1e; background: #ffffff; padding: 8px 10px; line-height: 1.45; }
.jx h1 { font-size: 16px; margin: 0; font-weight: 600; }
.jx .jx-sub { color: #605e5c; font-size: 12px; margin: 0 0 8px 0; }
.jx .jx-head { overflow: hidden; margin-bottom: 4px; }
.jx .jx-head .jx-title { float: left; }
.jx .jx-head label { float: right; font-size: 12px; color: #605e5c; }
.jx select { font: inherit; font-size: 12px; }
.jx .jx-bar { margin: 6px 0; }
.jx button { font: inherit; cursor: pointer; }
.jx .jx-bar button { margin: 0 6px 6px 0; padding: 4px 10px; border: 1px solid #8a8886; background: #ffffff; border-radius: 2px; }
.jx .jx-bar button.jx-primary, .jx button.jx-primary { background: #0f6cbd; border-color: #0f6cbd; color: #ffffff; }
.jx button[disabled] { cursor: default; background: #f3f2f1; border-color: #c8c6c4; color: #a19f9d; }
.jx .jx-msg { padding: 6px 8px; margin: 6px 0; border-left: 4px solid #0f6cbd; background: #eff6fc; }
.jx .jx-msg-error { border-left-color: #c50f1f; background: #fdf3f4; }
.jx .jx-msg-warning { border-left-color: #bc4b09; background: #fff9f5; }
.jx .jx-msg-success { border-left-color: #107c10; background: #f1faf1; }
.jx .jx-note { color: #605e5c; font-size: 12px; margin: 4px 0; }
.jx h2 { font-size: 14px; margin: 12px 0 4px 0; font-weight: 600; }
.jx h3 { font-size: 13px; margin: 10px 0 2px 0; color: #605e5c; font-weight: 600; }
.jx ul { list-style: none; margin: 0; padding: 0; }
.jx li { margin: 0 0 4px 0; }
.jx .jx-issue { display: block; width: 100%; text-align: left; border: 1px solid #e1dfdd; border-left: 4px solid #bc4b09; background: #ffffff; padding: 5px 8px; }
.jx .jx-issue-error { border-left-color: #c50f1f; }
.jx .jx-issue:hover, .jx .jx-issue:focus { background: #f3f2f1; }
.jx .jx-tag { display: inline-block; font-size: 11px; padding: 0 4px; margin-right: 4px; color: #ffffff; background: #bc4b09; border-radius: 2px; }
.jx .jx-issue-error .jx-tag { background: #c50f1f; }
.jx .jx-line { display: block; font-size: 12px; color: #605e5c; }
.jx table { border-collapse: collapse; width: 100%; font-size: 12px; }
.jx th, .jx td { border: 1px solid #e1dfdd; padding: 2px 4px; text-align: left; vertical-align: top; word-break: break-all; }
.jx th { background: #f3f2f1; font-weight: 600; }
.jx .jx-newer { margin-top: 14px; padding-top: 6px; border-top: 1px solid #e1dfdd; font-size: 12px; color: #605e5c; }
.jx .jx-newer p { margin: 4px 0; }
`;

export function installStyle(doc: Document): void {
  if (doc.getElementById('jx-classic-style')) return;
  const style = doc.createElement('style');
  style.id = 'jx-classic-style';
  style.appendChild(doc.createTextNode(CSS));
  (doc.head || doc.getElementsByTagName('head')[0]).appendChild(style);
}
