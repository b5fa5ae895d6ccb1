// The certificate as a Thai PDF (A4 landscape): the learner, the course in Thai with its Chinese and
// English titles, the date in the Buddhist era, and a QR code to the public verification page.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../platform/i18n.ts';
import { finishPdf, PdfText } from '../../platform/pdf-text.ts';
import { courseById } from './course.ts';
import { verifyPageUrl } from './credentials.ts';

const LABEL = {
  th: {
    title: 'ประกาศนียบัตร',
    given: 'มอบให้ไว้เพื่อแสดงว่า',
    passed: 'ได้ผ่านการอบรมและการทดสอบหลักสูตร',
    on: 'ให้ไว้ ณ วันที่',
    scan: 'สแกนเพื่อตรวจสอบ',
  },
  zh: { title: '结业证书', given: '兹证明', passed: '已完成培训并通过考核：', on: '颁发日期', scan: '扫码验证' },
  en: {
    title: 'Certificate',
    given: 'This certifies that',
    passed: 'has completed the course and passed its assessment:',
    on: 'Issued on',
    scan: 'Scan to verify',
  },
};

export async function certificatePdf(
  row: { id: string; courseId: string; learnerName: string; issuedAt: Date },
  locale: Locale,
): Promise<Buffer> {
  const c = courseById(row.courseId);
  const l = LABEL[locale];
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 48,
    info: { Title: `${LABEL.th.title} ${row.id}` },
  });
  const t = new PdfText(doc);
  const W = doc.page.width;
  doc
    .rect(24, 24, W - 48, doc.page.height - 48)
    .lineWidth(3)
    .stroke('#1f5f8b');
  t.write('Talad Academy · สถาบันตลาด', 48, 60, { size: 14, width: W - 96, align: 'center' });
  t.write(l.title, 48, 95, { size: 34, bold: true, width: W - 96, align: 'center' });
  t.write(l.given, 48, 160, { size: 14, width: W - 96, align: 'center' });
  t.write(row.learnerName, 48, 185, { size: 26, bold: true, width: W - 96, align: 'center' });
  t.write(l.passed, 48, 235, { size: 14, width: W - 96, align: 'center' });
  t.write(c ? c.title.th : row.courseId, 48, 260, { size: 22, bold: true, width: W - 96, align: 'center' });
  if (c) t.write(`${c.title.zh} · ${c.title.en}`, 48, 295, { size: 13, width: W - 96, align: 'center' });
  const dateLocale = locale === 'th' ? 'th-TH-u-ca-buddhist' : locale === 'zh' ? 'zh-CN' : 'en-GB';
  const date = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(
    row.issuedAt,
  );
  t.write(`${l.on} ${date}`, 48, 340, { size: 14, width: W - 96, align: 'center' });
  const png = await QRCode.toBuffer(verifyPageUrl(row.id), { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  doc.image(png, W - 190, 400, { width: 120 });
  t.write(l.scan, W - 210, 525, { size: 10, width: 160, align: 'center' });
  t.write(`ID ${row.id}`, 48, 525, { size: 9 });
  return finishPdf(doc);
}
