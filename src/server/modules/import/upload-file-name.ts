import { AppError } from "../../platform/errors";

/** The longest file name kept, in UTF-8 bytes (what file systems allow for one name). */
export const MAX_FILE_NAME_BYTES = 255;

/** Control characters (NUL, line breaks, C0 and C1) and the invisible marks that reorder or hide text. */
function isControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function hasControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (isControl(name.charCodeAt(i))) return true;
  return false;
}

/**
 * Checks the name a browser gave an uploaded file before anything is done with it: it must be a
 * plain file name — not empty, no control characters (a NUL byte, a line break, text-direction
 * marks), no path («/», «\», «.», a start «..»), at most MAX_FILE_NAME_BYTES bytes. Throws a 400 in Russian.
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
  if (hasControl(name)) refuse("в нём есть управляющие символы (например, нулевой байт или перевод строки)");
  if (/[/\\]/.test(name)) refuse("в нём есть «/» или «\\» — нужно имя файла без пути");
  // «..» (and a name starting with it) names the folder above; inside a plain name («итоги..csv») it is harmless.
  if (name === "." || name.startsWith("..")) refuse("оно начинается с «..» или состоит из точки");
  if (Buffer.byteLength(name, "utf8") > MAX_FILE_NAME_BYTES) {
    refuse(
      `оно длиннее ${MAX_FILE_NAME_BYTES} байт (около ${Math.floor(MAX_FILE_NAME_BYTES / 2)} русских букв)`,
    );
  }
}
