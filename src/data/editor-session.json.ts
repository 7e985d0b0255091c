// The chart editor's session: the save endpoint's URL and token under `npm run dev`, `{}` otherwise.
import {editorSessionJson} from "../../tools/editor-session.ts";

process.stdout.write(editorSessionJson(process.env));
