import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Converts a .docx to PDF with LibreOffice (`soffice --headless --convert-to pdf`), in a private temporary directory
 * and a private user profile (concurrent conversions do not share LibreOffice's profile lock).
 * `soffice` is the binary (a path, or a name on PATH); the caller decides which (config or test environment).
 */
export async function convertToPdf(docx: Buffer, soffice: string, timeoutMs = 120_000): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fazhi-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: timeoutMs },
        (err, _stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message} ${String(stderr).slice(0, 500)}`)) : resolve()),
      );
    });
    return await readFile(path.join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Is `soffice` runnable? (`--version` exits 0.) */
export function sofficeBinary(soffice: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(soffice, ['--version'], { timeout: 60_000 }, (err) => resolve(!err));
  });
}
