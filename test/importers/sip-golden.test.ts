import { beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanChapter, PlanDocument, PlanSection, PlanTable } from '../../src/importers/plan-document.ts';
import { planDocumentSchema } from '../../src/importers/plan-document.ts';
import { HAVE_SIP_OUTLINE, NEEDS_SIP_OUTLINE, sipOutlineBytes } from './support.ts';

let doc: PlanDocument;
beforeAll(() => {
  if (HAVE_SIP_OUTLINE) doc = importPlan({ bytes: sipOutlineBytes(), filename: 'sip-14th-fyp-outline.txt' });
});

const chapters = (): PlanChapter[] => doc.parts.flatMap((p) => p.chapters);
const sections = (): PlanSection[] => chapters().flatMap((c) => c.sections);
const table = (n: number): PlanTable => {
  const t = doc.tables.find((x) => x.number === n);
  if (!t) throw new Error(`no table ${n}`);
  return t;
};

/** A table's rows as [类别, 序号, 指标, unit, the two value columns' printed text, B(inding) or E(xpected)]. */
const rowCells = (t: PlanTable, first: ValueColumn, second: ValueColumn) =>
  t.rows.map((r) => [
    r.category,
    r.number,
    r.name,
    r.unit,
    r[first]?.raw,
    r[second]?.raw,
    r.attribute === 'binding' ? 'B' : 'E',
  ]);
type ValueColumn = 'baseline' | 'target' | 'actual';

describe.skipIf(!HAVE_SIP_OUTLINE)(
  `golden: SIP 14th five-year plan outline (.txt)${NEEDS_SIP_OUTLINE}`,
  () => {
    it('validates against the plan-document schema and has no warnings', () => {
      expect(planDocumentSchema.parse(doc)).toEqual(doc);
      expect(doc.warnings).toEqual([]);
    });

    it('infers meta from the title named in the preamble', () => {
      expect(doc.meta).toEqual({
        title: '苏州工业园区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
        titleSource: 'preamble',
        issuer: '苏州工业园区',
        period: { start: 2021, end: 2025 },
        visionYear: 2035,
        planNumber: 14,
        sourceFormat: 'txt',
      });
    });

    it('has the preamble (序言) with its two paragraphs', () => {
      expect(doc.preamble?.title).toBe('序言');
      expect(doc.preamble?.source).toBe('line 1');
      expect(doc.preamble?.paragraphs).toHaveLength(2);
      expect(doc.preamble?.paragraphs[0]).toMatch(/^“十四五”时期（2021~2025年）/);
    });

    it('has 6 parts', () => {
      expect(doc.parts.map((p) => [p.number, p.ordinal, p.title])).toEqual([
        ['第一篇', 1, '率先开启社会主义现代化建设新征程'],
        ['第二篇', 2, '打造全方位开放高地'],
        ['第三篇', 3, '打造国际化创新高地'],
        ['第四篇', 4, '打造高端化产业高地'],
        ['第五篇', 5, '打造现代化治理高地'],
        ['第六篇', 6, '共绘世界一流高科技园区蓝图'],
      ]);
      expect(doc.parts.map((p) => p.chapters.length)).toEqual([3, 6, 4, 5, 6, 2]);
      expect(doc.chapters).toEqual([]);
    });

    it('has 26 chapters with the numbers as printed (第17章) and titles, incl. the tab-led 第二十四章', () => {
      expect(chapters().map((c) => [c.number, c.title, c.sections.length])).toEqual([
        ['第一章', '发展基础', 0],
        ['第二章', '发展环境', 0],
        ['第三章', '全面建设世界一流高科技园区', 6],
        ['第四章', '全面深化中新合作', 4],
        ['第五章', '全面深化江苏自贸区苏州片区建设', 3],
        ['第六章', '构筑更高水平开放型经济体系', 3],
        ['第七章', '构筑国内国际双循环链接点', 2],
        ['第八章', '全面融入长三角区域一体化', 3],
        ['第九章', '推进重点领域改革纵深突破', 4],
        ['第十章', '建设国际一流人才创新创业首选区', 3],
        ['第十一章', '建设关键核心技术创新策源区', 3],
        ['第十二章', '建设科技创新资源集聚区', 2],
        ['第十三章', '建设标杆创新企业汇聚区', 3],
        ['第十四章', '构筑现代化产业体系', 2],
        ['第十五章', '打造五大千亿级先进制造业集群', 3],
        ['第十六章', '发展更高水平的现代服务业', 2],
        ['第17章', '打造长三角数字经济高地', 3],
        ['第十八章', '有效拓展产业发展空间', 2],
        ['第十九章', '建设多元融合的魅力园区', 3],
        ['第二十章', '建设面向未来的韧性园区', 4],
        ['第二十一章', '建设数字引领的智慧园区', 3],
        ['第二十二章', '建设水城共融的美丽园区', 4],
        ['第二十三章', '建设美好生活的幸福园区', 5],
        ['第二十四章', '建设协同治理的平安园区', 3],
        ['第二十五章', '全面加强党的领导', 0],
        ['第二十六章', '创新规划实施机制', 0],
      ]);
      expect(chapters().map((c) => c.ordinal)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
      const c24 = chapters()[23];
      expect(c24?.source).toBe('line 898');
      expect(chapters()[16]?.source).toBe('line 759');
    });

    it('has 70 sections, numbered per chapter, incl. 第4节 / 第1节 / 第2节 and headings split by bookmarks', () => {
      expect(sections()).toHaveLength(70);
      for (const c of chapters())
        expect(c.sections.map((s) => s.ordinal)).toEqual(c.sections.map((_, i) => i + 1));
      const byNumber = (chapter: number, n: number): PlanSection | undefined =>
        chapters()[chapter - 1]?.sections[n - 1];
      expect(byNumber(9, 4)).toMatchObject({
        number: '第4节',
        title: '健全基本公共服务体制',
        source: 'line 632',
      });
      expect(byNumber(20, 1)).toMatchObject({ number: '第1节', title: '完善综合交通体系' });
      expect(byNumber(20, 2)).toMatchObject({ number: '第2节', title: '完善市政设施体系' });
      expect(byNumber(3, 4)).toMatchObject({ number: '第四节', title: '“十四五”时期发展目标' });
      expect(byNumber(3, 5)).toMatchObject({ number: '第五节', title: '发展战略', source: 'line 491' });
      expect(byNumber(22, 1)?.title).toBe('不断提升绿色发展水平');
    });

    it('finds the tasks (lead-phrase paragraphs)', () => {
      const all = [...chapters().flatMap((c) => c.tasks), ...sections().flatMap((s) => s.tasks)];
      // 173 tasks: 151 in the sections of chapters 4–24, plus lead-phrase paragraphs elsewhere that follow the
      // same pattern: 5 achievements in 第一章 发展基础 ("经济实力实现新跨越。" …), 3 in 第三章第二节 使命担当,
      // 5 dash-led goals in 第三章第四节 发展目标 ("——高质量发展水平显著提升。"), 6 strategies in 第三章第五节
      // 发展战略 ("——开放引领。"), 3 in 第二十六章. Paragraphs whose first sentence has a comma (the 远景目标
      // items, 第二章, 第二十五章, section intros such as 第二十三章第四节's) stay paragraphs.
      expect(all).toHaveLength(173);
      expect(chapters()[0]?.tasks.map((t) => t.title)).toEqual([
        '经济实力实现新跨越',
        '改革开放迈上新台阶',
        '科技创新实现新突破',
        '产城融合展现新面貌',
        '民生福祉得到新改善',
      ]);
      expect(
        sections()
          .slice(6, 70)
          .reduce((n, s) => n + s.tasks.length, 0),
      ).toBe(151);
      expect(chapters()[25]?.tasks).toHaveLength(3);
      expect(chapters()[24]?.tasks).toHaveLength(0);
      expect(chapters()[24]?.paragraphs).toHaveLength(3);
      const s141 = chapters()[13]?.sections[0];
      expect(s141?.tasks[0]?.title).toBe('聚力推动产业集群发展');
      expect(s141?.tasks[0]?.text).toMatch(/^做大做强“2\+3”先进制造产业集群/);
      // A section without lead phrases keeps its paragraphs.
      expect(chapters()[3]?.sections.map((s) => [s.tasks.length, s.paragraphs.length])).toEqual([
        [0, 1],
        [0, 1],
        [0, 1],
        [0, 1],
      ]);
      expect(chapters()[2]?.sections[5]?.paragraphs).toHaveLength(6);
    });

    it('joins lines broken mid-sentence, across page numbers and footnote bodies, and drops artefacts', () => {
      const c1 = chapters()[0];
      expect(c1?.tasks[0]?.text).toContain('金融机构总数达到1099家。');
      expect(c1?.tasks[2]?.text).toMatch(/^2020年研发经费支出占地区生产总值比重达4.5%/);
      const landUse = chapters()[17]?.sections[0]?.tasks[1];
      expect(landUse?.title).toBe('提高土地利用效益');
      expect(landUse?.text).toContain(
        '正向激励和反向倒逼机制，用5年时间实现产业用地存量更新，逐步腾退低效产业用地。',
      );
      expect(chapters()[12]?.sections[2]?.tasks[1]?.text).toMatch(/标准话语权。$/);
      const json = JSON.stringify(doc);
      expect(json).not.toMatch(/\[bookmark|footnoteRef|\[image|描述已自动生成|_WPSOffice|\[\d+: /);
    });

    it('reads table 1 (13th plan: 2020 target + 2020 result), every cell', () => {
      const t = table(1);
      expect(t).toMatchObject({
        caption: '园区“十三五”经济社会发展指标执行情况',
        role: 'previous-results',
        period: { start: 2016, end: 2020 },
        baselineYear: null,
        targetYear: 2020,
        actualYear: 2020,
        nodeId: 'C1',
        source: 'line 17',
      });
      expect(t.header).toEqual(['类别', '序号', '指标', '2020年目标值', '2020年完成值', '指标属性']);
      expect(t.columns.map((c) => c.role)).toEqual([
        'category',
        'number',
        'name',
        'target',
        'actual',
        'attribute',
      ]);
      expect(rowCells(t, 'target', 'actual')).toEqual(TABLE_1);
      expect(t.rows.every((r) => r.baseline === null)).toBe(true);
      expect(t.rows[0]?.target).toEqual({
        raw: '7左右',
        value: 7,
        comparator: 'about',
        low: null,
        high: null,
      });
      expect(t.rows[6]?.target).toEqual({ raw: '5以上', value: 5, comparator: 'gte', low: 5, high: null });
      expect(t.rows[9]?.target).toEqual({ raw: '30-32', value: 31, comparator: 'range', low: 30, high: 32 });
      expect(t.rows[10]?.actual).toEqual({
        raw: '人普结果尚未发布',
        value: null,
        comparator: 'text',
        low: null,
        high: null,
      });
      expect(t.rows[16]?.actual).toEqual({ raw: '3.0', value: 3, comparator: 'eq', low: 3, high: 3 });
    });

    it('reads table 2 (2020 result = baseline, 2025 target), every cell', () => {
      const t = table(2);
      expect(t).toMatchObject({
        caption: '园区“十四五”经济社会发展主要指标',
        role: 'main',
        period: { start: 2021, end: 2025 },
        baselineYear: 2020,
        targetYear: 2025,
        actualYear: null,
        nodeId: 'C3.S4',
        source: 'line 218',
      });
      expect(t.header).toEqual(['类别', '序号', '指标', '2020年完成值', '2025年目标值', '指标属性']);
      expect(t.columns.map((c) => c.role)).toEqual([
        'category',
        'number',
        'name',
        'baseline',
        'target',
        'attribute',
      ]);
      expect(rowCells(t, 'baseline', 'target')).toEqual(TABLE_2);
      expect(t.rows.every((r) => r.actual === null)).toBe(true);
      expect(t.rows[3]?.baseline).toEqual({
        raw: '—',
        value: null,
        comparator: 'none',
        low: null,
        high: null,
      });
      expect(t.rows[32]?.target).toEqual({
        raw: '92以上',
        value: 92,
        comparator: 'gte',
        low: 92,
        high: null,
      });
      expect(t.rows[27]?.target?.comparator).toBe('text');
      expect(t.rows.filter((r) => r.attribute === 'binding').map((r) => r.number)).toEqual([
        22, 28, 29, 30, 31, 36,
      ]);
    });

    it('infers a target kind with its rule for every table row', () => {
      const kinds = table(2).rows.map((r) => r.inferred.kind);
      expect(kinds).toEqual([
        'cagr',
        'level',
        'share',
        'cagr',
        'level',
        'share',
        'level',
        'level',
        'share',
        'level',
        'level',
        'level',
        'level',
        'share',
        'level',
        'share',
        'share',
        'share',
        'share',
        'share',
        'relational',
        'share',
        'level',
        'level',
        'level',
        'level',
        'maintain',
        'assigned',
        'assigned',
        'assigned',
        'maintain',
        'maintain',
        'floor',
        'level',
        'level',
        'assigned',
      ]);
      expect(table(1).rows.map((r) => r.inferred.kind)).toEqual([
        'about',
        'about',
        'share',
        'share',
        'share',
        'share',
        'floor',
        'cumulative',
        'share',
        'range',
        'level',
        'relational',
        'share',
        'cumulative',
        'share',
        'level',
        'level',
        'level',
        'assigned',
        'assigned',
        'assigned',
        'share',
      ]);
      expect(table(2).rows[4]?.inferred.rule).toMatch(/running total/);
      for (const r of [...table(1).rows, ...table(2).rows]) expect(r.inferred.rule.length).toBeGreaterThan(0);
    });

    it('has 6 boxes with their items, attached to their sections', () => {
      expect(doc.boxes.map((b) => [b.number, b.title, b.items.length, b.nodeId])).toEqual([
        [1, '中新合作国际化走廊', 2, 'C4.S4'],
        [2, '姑苏实验室重点发展方向', 4, 'C11.S1'],
        [3, '制造业高质量发展五大专项行动计划', 5, 'C15.S1'],
        [4, '五大千亿级先进制造业集群重点发展方向', 5, 'C15.S2'],
        [5, '中新生物技术创新岛', 4, 'C18.S2'],
        [6, '公共文化服务设施重大工程', 4, 'C19.S1'],
      ]);
      expect(doc.boxes[5]?.items.map((i) => i.label)).toEqual([
        '草鞋山遗址公园',
        '北部市民中心',
        '南部市民中心',
        '李公堤廉洁文化馆',
      ]);
      expect(doc.boxes[4]?.items[0]?.text).toContain('总投资200亿元');
    });

    it('has 3 figures in 第六节 空间布局', () => {
      expect(doc.figures).toEqual([
        { number: 1, caption: '园区城市空间布局', nodeId: 'C3.S6', source: 'line 524' },
        { number: 2, caption: '园区长三角地区合作园区', nodeId: 'C3.S6', source: 'line 539' },
        { number: 3, caption: '园区“一带一路”沿线国家和地区合作园区', nodeId: 'C3.S6', source: 'line 553' },
      ]);
    });

    it('attaches the 6 footnotes to the tasks whose text anchors them', () => {
      expect(doc.footnotes.map((f) => [f.number, f.nodeId])).toEqual([
        [1, 'C1.T2'],
        [2, 'C7.S2.T1'],
        [3, 'C16.S2.T1'],
        [4, 'C16.S2.T1'],
        [5, 'C17.S2.T2'],
        [6, 'C18.S1.T2'],
      ]);
      expect(doc.footnotes[0]?.text).toMatch(/^即基本实现企业开办2个工作日办结/);
      expect(doc.footnotes[3]?.text).toMatch(/多种游玩方式。$/);
      expect(doc.footnotes[5]?.text).toMatch(/^是TOD（交通导向）.*的统称。$/);
    });

    it('finds at least 20 dated prose targets', () => {
      expect(doc.targets.length).toBeGreaterThanOrEqual(20);
      const find = (text: string) => doc.targets.find((t) => t.text === text);
      expect(find('生物医药产业规模达2000亿元')).toMatchObject({
        metric: '生物医药产业规模',
        value: { raw: '达2000亿元', value: 2000, comparator: 'eq' },
        unit: '亿元',
        year: 2025,
        nodeId: 'C15.S2.T1',
        boxNumber: null,
        inferred: { kind: 'level' },
      });
      expect(find('海外创新中心累计不少于25个')).toMatchObject({
        metric: '海外创新中心',
        value: { value: 25, comparator: 'gte', low: 25, high: null },
        unit: '个',
        year: 2025,
        inferred: { kind: 'cumulative', direction: 'increase' },
      });
      expect(find('新增发明专利授权1万件以上')).toMatchObject({
        value: { value: 1, comparator: 'gte' },
        unit: '万件',
        year: 2025,
      });
      expect(find('制造业总产值达7000亿元')).toMatchObject({ boxNumber: 3, nodeId: 'C15.S1', year: 2025 });
      expect(find('规上工业企业单位产值能耗降到0.035吨标准煤/万元')).toMatchObject({
        value: { comparator: 'lte', value: 0.035 },
        inferred: { kind: 'ceiling', direction: 'decrease' },
      });
      expect(find('地区生产总值年均增长6.5%左右')).toMatchObject({
        inferred: { kind: 'about' },
        value: { comparator: 'about', value: 6.5 },
      });
      expect(find('重点产业投资建设项目帮办代办率达100%')).toMatchObject({ inferred: { kind: 'share' } });
      expect(find('教育现代化水平达到88%')).toMatchObject({
        nodeId: 'C23.S3.T4',
        inferred: { kind: 'level' },
      });
      // Past results (第一章 发展基础: 2020年…, “十三五”期间…) are not targets.
      expect(doc.targets.filter((t) => t.nodeId.startsWith('C1.') || t.nodeId === 'C1')).toEqual([]);
      for (const t of doc.targets) {
        expect(t.year).toBeGreaterThanOrEqual(2021);
        expect(t.sentence).toContain(t.text);
      }
    });

    it('is stable: the same input gives the same JSON', () => {
      const again = importPlan({ bytes: sipOutlineBytes(), filename: 'sip-14th-fyp-outline.txt' });
      expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    });
  },
);

type Row = [string, number, string, string | null, string, string, 'E' | 'B'];
const TABLE_1: Row[] = [
  ['经济结构', 1, '地区生产总值年均增长速度', '%', '7左右', '6.5', 'E'],
  ['经济结构', 2, '服务业增加值占地区生产总值比重', '%', '50左右', '52.3', 'E'],
  ['经济结构', 3, '金融产业增加值占地区生产总值比重', '%', '9', '9', 'E'],
  ['经济结构', 4, '文化产业增加值占地区生产总值比重', '%', '10', '7.1', 'E'],
  ['经济结构', 5, '高新技术产业产值占规模以上工业总产值比重', '%', '70', '72.4', 'E'],
  ['经济结构', 6, '新兴产业产值占规模以上工业总产值比重', '%', '60', '62', 'E'],
  ['创新发展', 7, '全社会R&D经费占地区生产总值比重', '%', '5以上', '4.5', 'E'],
  ['创新发展', 8, '研发机构总数累计', '家', '500', '560', 'E'],
  ['创新发展', 9, '大专以上人才占就业人口的比重', '%', '43', '51', 'E'],
  ['创新发展', 10, '每万人当年新增发明专利授权数', '件', '30-32', '46', 'E'],
  ['人民生活', 11, '区域常住人口', '万人', '96', '人普结果尚未发布', 'E'],
  ['人民生活', 12, '居民人均可支配收入增幅', '%', '高于GDP增幅', '与GDP增长同步', 'E'],
  ['人民生活', 13, '城镇登记失业率', '%', '2', '1.8', 'B'],
  ['人民生活', 14, '新增保障性住房面积', '万平方米', '33.6', '61', 'B'],
  ['公共服务', 15, '高等教育毛入学率', '%', '75', '75', 'E'],
  ['公共服务', 16, '人均公益性文化设施面积', '平方米', '0.3', '0.33', 'B'],
  ['公共服务', 17, '每千人拥有医生数', '名', '2.5', '3.0', 'B'],
  ['公共服务', 18, '每千名老人拥有社会养老机构床位数', '张', '50', '50', 'B'],
  ['资源环境', 19, '万元地区生产总值能耗降幅', '%', '完成市下达目标', '完成', 'B'],
  ['资源环境', 20, '万元地区生产总值COD排放强度', '千克/万元', '完成市下达目标', '完成', 'B'],
  ['资源环境', 21, '万元地区生产总值二氧化硫排放强度', '千克/万元', '完成市下达目标', '完成', 'B'],
  ['资源环境', 22, '新建建筑中绿色建筑（住宅和公建）所占比重', '%', '100', '100', 'B'],
];
const TABLE_2: Row[] = [
  ['综合经济实力', 1, '地区生产总值年均增速', '%', '6.5', '6.5', 'E'],
  ['综合经济实力', 2, '单位面积GDP', '亿元/平方公里', '10.4', '14.5', 'E'],
  ['综合经济实力', 3, '服务业增加值占地区生产总值比重', '%', '52.3', '55', 'E'],
  ['综合经济实力', 4, '全员劳动生产率年均增速', '%', '—', '6', 'E'],
  ['全方位开放高地', 5, '各类总部累计数', '家', '95', '150', 'E'],
  ['全方位开放高地', 6, '服务贸易占进出口总额比重', '%', '11', '16', 'E'],
  ['全方位开放高地', 7, '进出口总额', '亿美元', '920', '1000', 'E'],
  ['全方位开放高地', 8, '持证外国人数量', '人', '3937', '6000', 'E'],
  ['国际化创新高地', 9, '研发经费支出占地区生产总值比重', '%', '4.5', '6', 'E'],
  ['国际化创新高地', 10, '每万人口拥有高价值发明专利数', '件', '—', '50', 'E'],
  ['国际化创新高地', 11, '国家高新技术企业数', '家', '1837', '5000', 'E'],
  ['国际化创新高地', 12, '上市企业及独角兽企业总数', '家', '47', '100', 'E'],
  ['国际化创新高地', 13, '省级以上研发机构总数', '家', '560', '750', 'E'],
  ['国际化创新高地', 14, '大专及以上学历人员占从业人员比重', '%', '51', '60', 'E'],
  ['国际化创新高地', 15, '海外创新中心', '家', '15', '25', 'E'],
  ['高端化产业高地', 16, '工业增加值率', '%', '25.7', '28', 'E'],
  ['高端化产业高地', 17, '高新技术产业产值占规上工业总产值比重', '%', '72.4', '80', 'E'],
  ['高端化产业高地', 18, '数字经济核心产业增加值占地区生产总值比重', '%', '20', '35', 'E'],
  ['高端化产业高地', 19, '生产性服务业增加值占服务业增加值比重', '%', '67.6', '73', 'E'],
  ['高端化产业高地', 20, '文化及相关产业增加值占地区生产总值比重', '%', '7.1', '11', 'E'],
  ['现代化治理高地', 21, '居民人均可支配收入增长率', '%', '与GDP增长同步', '与GDP增长同步', 'E'],
  ['现代化治理高地', 22, '城镇登记失业率', '%', '1.8', '2', 'B'],
  ['现代化治理高地', 23, '教育现代化水平', '%', '85', '88', 'E'],
  ['现代化治理高地', 24, '千人拥有执业（助理）医师数', '人', '3', '3.5', 'E'],
  ['现代化治理高地', 25, '人均接受文化场馆服务人次', null, '5', '15', 'E'],
  ['现代化治理高地', 26, '每千人拥有0~3岁婴幼儿托位数', '个', '—', '4.5', 'E'],
  ['现代化治理高地', 27, '社区养老服务设施覆盖率', '%', '100', '100', 'E'],
  ['现代化治理高地', 28, '单位地区生产总值能源消耗降低', '%', '完成市下达任务', '完成市下达任务', 'B'],
  ['现代化治理高地', 29, '单位地区生产总值二氧化碳排放降低', '%', '完成市下达任务', '完成市下达任务', 'B'],
  ['现代化治理高地', 30, '空气质量优良天数比率', '%', '完成市下达任务', '完成市下达任务', 'B'],
  ['现代化治理高地', 31, '地表水考核断面达到或优于III类水比例', '%', '100', '100', 'B'],
  ['现代化治理高地', 32, '城镇绿色建筑占新建建筑比例', '%', '100', '100', 'E'],
  ['现代化治理高地', 33, '社会文明程度测评指数', null, '90以上', '92以上', 'E'],
  ['现代化治理高地', 34, '公众安全感', '%', '—', '98', 'E'],
  ['现代化治理高地', 35, '法治建设满意度', '%', '—', '93', 'E'],
  ['现代化治理高地', 36, '生产安全事故发生数下降', '%', '完成市下达任务', '完成市下达任务', 'B'],
];
