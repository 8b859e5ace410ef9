/** Official documents (公文, GB/T 9704-2012) as .docx, download file names, a zip entry reader, captioned Excel ledgers. */
export { buildOfficialDocx, charWidth, officialDate, OFFICIAL_FONTS, OFFICIAL_PAGE, OFFICIAL_SIZES, LINE_PITCH, type OfficialDocInput } from './official-docx';
export { contentDisposition, rfc5987, safeFileName } from './filename';
export { readZipEntry } from './zip';
export { convertToPdf, sofficeBinary } from './pdf';
export { extractPdfText } from './pdf-text';
export { captionedWorkbook, type LedgerCell } from './ledger-workbook';
