// GET /auth?code=ABCD-EFGH: where `deno publish` sends a person to approve a
// device authorization. Wharf has no sign-in pages, so the person pastes a
// token; the page then calls the same API a script would.
import type { RequestHandler } from "express";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Authorize a device · Wharf</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }
  input, button { font: inherit; padding: .4rem .6rem; }
  input { width: 100%; box-sizing: border-box; margin: .3rem 0 1rem; }
  code { font-size: 1.4rem; letter-spacing: .1em; }
  #result { margin-top: 1rem; font-weight: bold; }
</style>
</head>
<body>
<h1>Authorize a device</h1>
<p>A client asks to act on your behalf with the code <code id="code"></code>.</p>
<p id="permissions"></p>
<label>Your Wharf token <input id="token" type="password" autocomplete="off" placeholder="wharf_..."></label>
<button id="approve">Approve</button> <button id="deny">Deny</button>
<p id="result" role="status"></p>
<script>
  const code = new URLSearchParams(location.search).get("code") || "";
  document.getElementById("code").textContent = code;
  const show = (text) => (document.getElementById("result").textContent = text);
  fetch("/api/authorizations/details/" + encodeURIComponent(code)).then(async (res) => {
    const body = await res.json();
    if (!res.ok) return show(body.message);
    const what = (body.permissions || []).map((p) => p.permission + " @" + p.scope + (p.package ? "/" + p.package : "") + (p.version ? "@" + p.version : ""));
    document.getElementById("permissions").textContent = what.length ? "It asks for: " + what.join(", ") : "It asks for full access to your account.";
  });
  for (const answer of ["approve", "deny"]) {
    document.getElementById(answer).onclick = async () => {
      const token = document.getElementById("token").value.trim();
      const res = await fetch("/api/authorizations/" + answer + "/" + encodeURIComponent(code), { method: "POST", headers: { authorization: "Bearer " + token } });
      show(res.ok ? (answer === "approve" ? "Approved. You can close this page." : "Denied.") : (await res.json()).message);
    };
  }
</script>
</body>
</html>
`;

export const authorizePage: RequestHandler = (_req, res) => {
  res.type("html").set("Cache-Control", "no-store").send(PAGE);
};
