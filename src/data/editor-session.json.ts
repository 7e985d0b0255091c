// The chart editor's session: the save endpoint's URL and token under `npm run dev`, `{}` otherwise.
import {editorSessionJson} from "../../tools/session-json.ts";

process.stdout.write(editorSessionJson(process.env));
