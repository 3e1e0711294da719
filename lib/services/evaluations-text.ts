/** ZT 五.(三), in the document's words (quoted on the 风险提示函). Plain text, safe for client and server. */
export const ZT53_TEXT =
  '企业信用评价结果可作为政府采购、选聘企业、评优表彰等活动参考，信用评价得分低于90分以下的，由各县(市、区)物业行政主管部门进行约谈并下发风险提示函，连续两年信用评价得分低于90分以下的企业，列入全市物业管理服务“黑名单”。';
