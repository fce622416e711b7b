import { AppError } from "../../platform/errors";

/** The longest file name kept, in UTF-8 bytes (what file systems allow for one name). */
export const MAX_FILE_NAME_BYTES = 255;

/** Control characters (NUL, line breaks, C1) and the invisible marks that reorder or hide text. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Checks the name a browser gave an uploaded file before anything is done with it: it must be a
 * plain file name — not empty, no control characters (a NUL byte, a line break, text-direction
 * marks), no path («/», «\», «..»), at most MAX_FILE_NAME_BYTES bytes. Throws a 400 in Russian.
 */
export function checkUploadFileName(name: string): void {
  const refuse = (why: string) => {
    throw new AppError(
      "invalid_input",
      `Недопустимое имя файла: ${why}. Переименуйте файл и загрузите его снова.`,
      [{ path: "file", message: why }],
    );
  };
  if (name.trim() === "") refuse("имя пустое");
  if (CONTROL.test(name))
    refuse("в нём есть управляющие символы (например, нулевой байт или перевод строки)");
  if (/[/\\]/.test(name)) refuse("в нём есть «/» или «\\» — нужно имя файла без пути");
  if (name.includes("..")) refuse("в нём есть «..»");
  if (Buffer.byteLength(name, "utf8") > MAX_FILE_NAME_BYTES) {
    refuse(
      `оно длиннее ${MAX_FILE_NAME_BYTES} байт (около ${Math.floor(MAX_FILE_NAME_BYTES / 2)} русских букв)`,
    );
  }
}
