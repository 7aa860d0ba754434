/** A small outline written for the tests (no real plan's sentences): its task text must survive the import and be found. */
export const TEXT_OUTLINE = `某区国民经济和社会发展第十四个五年规划纲要

“十四五”时期（2021~2025年），是全区发展的关键时期。

第一篇 总体要求

第一章 创新驱动

第一节 科技平台

建设开放实验平台。围绕光子芯片和合成生物两个方向，布局一批概念验证中心，到２０２５年建成不少于5个。

培育创新企业。实施雏鹰计划，支持初创团队在园区落地。

第二章 绿色发展

推进低碳转型。推广屋顶光伏和储能示范项目。
`;
