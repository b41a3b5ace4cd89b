import { render } from "preact";
import { App } from "./app";
import { initLang } from "./i18n";
import { chain } from "./chain/lazy";
import "./styles.css";

await initLang();
render(<App />, document.getElementById("app")!);
// The connection (polkadot-api) loads after the first paint.
void chain().then((c) => import("./ui/restore-account").then((m) => m.restore(c)));
