/// The inline style sheet and the optional keyboard-navigation script of the HTML report.
enum HTMLPage {
  /// Base64 SHA-256 of `script`, allowed by the page's content security policy; the tests check
  /// it against the script.
  static let scriptHash = "sha256-d0DL0f6P5CtC7uCv9DFVCawmYO8vz2Q+QO6wfhk1+Qc="

  /// The content security policy: nothing is loaded from anywhere, and the only script that may
  /// run is `script`. A second line of defence behind escaping: even markup that slipped through
  /// could neither run nor reach the network.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptHash)'; "
    + "base-uri 'none'; form-action 'none'"

  /// Inline CSS: readable on screen, clean in print.
  static let style = """

    body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;\
    max-width:1100px;padding:1em 1.5em;color:#1d1d1f;line-height:1.5}
    h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:2px solid #ccc;margin-top:2em}
    .disclaimer{background:#fff4d6;border-left:4px solid #d99a00;padding:.6em 1em;font-weight:600}
    table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
    th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
    th{background:#f3f3f3}code{font-size:.85em;word-break:break-all}
    tr.st-error td{background:#fde2e2}tr.st-error td.status{color:#a40000;font-weight:700}
    tr.st-unsupported td{background:#eee;color:#555}tr.st-partial td.status{color:#9a6200;font-weight:700}
    .matrix{display:grid;grid-template-columns:3fr 2fr;gap:1.5em}
    .factors{background:#eef7ee;padding:0 .8em;border-radius:6px}
    tr.empty td{color:#888}.cid{font-family:monospace;font-size:.8em;color:#555}
    .note,.source,.meta{color:#555;font-size:.9em}
    .unverified{color:#7a4b00;font-style:italic}.badge{background:#2e7d32;color:#fff;\
    border-radius:3px;padding:0 .4em;font-size:.8em}
    blockquote.law{border-left:4px solid #999;margin:.5em 0;padding:.3em 1em;background:#fafafa}
    article.card{border:1px solid #ccc;border-left:6px solid #999;border-radius:4px;\
    padding:.4em 1em;margin:1em 0;page-break-inside:avoid}
    article.lvl-critical{border-left-color:#7b0000}article.lvl-high{border-left-color:#c62828}
    article.lvl-medium{border-left-color:#ef6c00}article.lvl-low{border-left-color:#f9a825}
    article.exculpatory{border-left-color:#2e7d32}article.is-suppressed{opacity:.8;\
    border-left-color:#999;border-style:dashed}
    article.ref{border-left:6px solid #ccc;padding:.1em .8em;margin:.6em 0;font-size:.92em}
    article.ref p{margin:.2em 0}article.ref.exculpatory{border-left-color:#2e7d32}
    h4{margin:.3em 0}.level,.polarity{font-size:.75em;text-transform:uppercase;\
    border:1px solid #999;border-radius:3px;padding:0 .3em}.fid{font-size:.75em;color:#888}
    ul.supports{margin:.2em 0;padding-left:1.2em}
    table.ctx td.ln,table.src td:first-child{width:4.5em;white-space:nowrap;text-align:right;\
    color:#888}
    table.ctx td.who,table.src td:nth-child(2){width:14em;color:#555;font-size:.85em}
    table.ctx tr.target td{background:#fffbe6}table.src{font-size:.88em}
    table.src td{border:none;border-bottom:1px solid #f0f0f0}tr.gap td{color:#bbb}\
    tr.page td{background:#f3f3f3;font-weight:600}
    table.src tr:target td{background:#e3f2fd}article.card:target{box-shadow:0 0 0 3px #64b5f6}
    mark.sig{padding:0 1px;border-radius:2px}mark.lvl-critical{background:#ff8a80}
    mark.lvl-high{background:#ffab91}mark.lvl-medium{background:#ffe082}
    mark.lvl-low{background:#fff59d}mark.lvl-info{background:#e0e0e0}
    mark.exculpatory{background:#c8e6c9}mark.suppressed{background:none;\
    text-decoration:line-through dotted #777;color:#555}
    .reason{color:#555;font-style:italic}.why{font-family:monospace;font-size:.85em}
    span.elided{color:#999;font-style:italic;font-size:.85em}a.fref{font-size:.8em}ol.timeline time{font-family:monospace;font-size:.85em}
    li.exculpatory a{color:#2e7d32}dd.warning{color:#b71c1c;font-weight:600}
    @media print{nav,.next,script{display:none}details{display:block}\
    .matrix{display:block}a{color:inherit;text-decoration:none}}

    """

  /// Optional keyboard navigation: `n` and `p` move between finding cards. The report works
  /// without it.
  static let script = """
    (function(){var c=document.querySelectorAll("article.card");var i=-1;\
    document.addEventListener("keydown",function(e){if(e.ctrlKey||e.metaKey||e.altKey)return;\
    if(e.key!=="n"&&e.key!=="p")return;if(!c.length)return;\
    i=e.key==="n"?Math.min(i+1,c.length-1):Math.max(i-1,0);location.hash=c[i].id;});})();
    """
}
