// A notice as a Word file (offices print, seal and post them): the same text blocks as the HTML
// page, on A4 with the GB/T 9704 margins, 仿宋 三号 body and a centred 小标宋 二号 title.
import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import type { NoticeBlocks } from './notices';

const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };
const BODY_SIZE = 32; // half-points: 三号 (16pt)
const TITLE_SIZE = 44; // 二号 (22pt)
const A4 = { width: 11906, height: 16838 }; // twips

const run = (text: string, size = BODY_SIZE, font = BODY_FONT) => new TextRun({ text, size, font });
const line = (text: string, options: Record<string, unknown> = {}) => new Paragraph({ children: [run(text)], spacing: { line: 560 }, ...options });

export async function noticeDocx(blocks: NoticeBlocks): Promise<Buffer> {
  const children = [
    new Paragraph({ children: [run(blocks.title, TITLE_SIZE, TITLE_FONT)], alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
    line(blocks.number, { alignment: AlignmentType.RIGHT, spacing: { after: 240 } }),
    ...blocks.paragraphs.map((p) => line(p.text, p.indent ? { indent: { firstLine: 2 * 320 } } : {})),
    line(''),
    ...[blocks.seal, blocks.organisation, blocks.date].filter(Boolean).map((text) => line(text, { alignment: AlignmentType.RIGHT })),
    line(''),
    ...blocks.contacts.map((text) => new Paragraph({ children: [run(text, 28)] })),
  ];
  const document = new Document({
    creator: blocks.organisation || 'disclosure',
    title: blocks.title,
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: convertMillimetersToTwip(37),
              right: convertMillimetersToTwip(26),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
