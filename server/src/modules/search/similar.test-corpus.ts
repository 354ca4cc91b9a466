/**
 * Proposal texts for the similarity tests: one proposal and its paraphrase (same topic and facts, other
 * words, other order, some synonyms), a proposal of a neighbouring topic, and unrelated ones. Written as a
 * member would, so the tests judge the ranking on text like the real thing.
 */
export interface CorpusText {
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
}

export const elderCare: CorpusText = {
  title: '关于加强社区居家养老服务设施建设的建议',
  situation:
    '我市60岁以上老年人口已达120万，占总人口的21%，社区居家养老需求快速增长。但社区养老服务中心覆盖率不足六成，日间照料床位紧缺，助餐、助浴等服务供给不足。',
  analysis:
    '一是养老服务设施规划滞后，新建小区配建养老用房落实不到位；二是运营经费主要依靠财政补贴，社会力量参与不足；三是专业护理人员短缺，待遇偏低、流失严重。',
  suggestions:
    '一、将社区养老服务设施纳入国土空间规划，严格落实新建小区配建标准；二、完善运营补贴机制，引导社会资本参与；三、加强养老护理员培训，提高薪酬待遇。',
};

/** The same proposal in other words. */
export const elderCareParaphrase: CorpusText = {
  title: '关于完善居家社区养老服务网络的提案',
  situation:
    '目前全市老年人口约120万人，老龄化程度超过21%，老人对家门口养老服务的需求越来越大。调研发现，社区养老服务站点数量偏少，日间照料床位供不应求，老年助餐和助浴服务跟不上。',
  analysis:
    '主要原因在于：养老护理人才缺乏，收入低、队伍不稳定；养老用房配建要求在新建住宅小区中执行不严；运营资金过度依赖政府补贴，市场主体参与积极性不高。',
  suggestions:
    '建议严格执行新建住宅小区养老用房配建标准，把社区养老设施纳入规划；健全运营扶持政策，吸引社会力量参与；加大养老护理人才培养力度，提升护理员工资待遇。',
};

/** A neighbouring topic: older people too, but insurance, not facilities. */
export const careInsurance: CorpusText = {
  title: '关于推进长期护理保险制度试点的建议',
  situation: '失能老人照护负担沉重，家庭难以承受长期护理费用，我市长期护理保险尚处于起步阶段。',
  analysis: '筹资渠道单一，评估标准不统一，定点护理机构数量少，服务质量监管不足。',
  suggestions: '建立多渠道筹资机制，统一失能等级评估标准，扩大定点护理机构范围，加强服务质量监管。',
};

export const unrelated: CorpusText[] = [
  {
    title: '关于加快发展夜间经济的建议',
    situation: '我市夜间消费潜力较大，但夜市街区布局分散，特色不鲜明，配套交通和停车设施不足。',
    analysis: '缺乏统一规划，商户经营时间受限，夜间公交运营时间短，安全管理压力大。',
    suggestions: '编制夜间经济发展规划，打造特色夜市街区，延长夜间公交运营时间，完善安全保障措施。',
  },
  {
    title: '关于深化生活垃圾分类工作的建议',
    situation: '生活垃圾分类推行三年来，居民知晓率较高，但准确投放率偏低，混装混运现象仍然存在。',
    analysis: '分类收运体系不健全，厨余垃圾处理能力不足，宣传引导和执法监督不够到位。',
    suggestions: '完善分类收集运输体系，建设厨余垃圾处理设施，加强督导员队伍建设，依法查处违规投放行为。',
  },
  {
    title: '关于缓解中心城区停车难的建议',
    situation: '中心城区机动车保有量持续增长，停车泊位缺口超过十万个，占道停车、违章停车问题突出。',
    analysis: '停车设施建设滞后，错时共享停车推进缓慢，智慧停车平台信息不联通。',
    suggestions: '挖潜建设公共停车场，推动机关企事业单位停车位错时共享，建设全市统一的智慧停车平台。',
  },
  {
    title: '关于支持专精特新中小企业发展的建议',
    situation: '我市专精特新企业数量增长较快，但融资难、融资贵问题仍然突出，研发投入强度不高。',
    analysis: '银行信贷偏重抵押担保，知识产权质押融资规模小，企业创新人才引进困难。',
    suggestions: '设立专精特新企业发展基金，扩大知识产权质押融资，完善人才引进住房和子女入学保障。',
  },
];

export const bodyOf = (t: CorpusText) => [t.situation, t.analysis, t.suggestions].join('\n');
