// Writing a file whole or not at all: into a temporary file beside it, then renamed over it.
import { promises as fs } from 'fs';
import path from 'path';

export async function replaceFile(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    await fs.rename(temporary, file);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}
