/** Citations used in explanations (zh-CN), one place so the wording is uniform. */

/** Start day not counted: 民事诉讼法 (2023) Art. 85 ¶2; 民法典 Art. 201. */
export const CITE_START_EXCLUDED = '《中华人民共和国民事诉讼法》第八十五条、《中华人民共和国民法典》第二百零一条';
/** Period ending on a 法定休假日 ends on the next day after it: 民事诉讼法 Art. 85 ¶3; 民法典 Art. 203. */
export const CITE_ROLL_FORWARD = '民事诉讼法第八十五条、民法典第二百零三条';
/** Month/year periods end on the corresponding day, or the last day of the month: 民法典 Art. 202. */
export const CITE_MONTH_END = '《中华人民共和国民法典》第二百零二条';
/** Holiday schedule: 全国年节及纪念日放假办法 Arts. 2, 6, 7 and the yearly 国务院办公厅 notice. */
export const CITE_HOLIDAYS = '《全国年节及纪念日放假办法》及国务院办公厅年度节假日安排通知';
