import { AuditOutlined, BankOutlined, CalculatorOutlined, CommentOutlined, FileSearchOutlined, FormOutlined, PhoneOutlined, ReadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';

/**
 * Public portal home: every public service, each with a card saying what it is for and a button to start it (the
 * top navigation alone is easy to miss on a phone).
 */
/** One public service: its name, what it is for, and (for an online service) the button that starts it. */
function ServiceCard({ icon, title, to, action, primary = false, children }: { icon: ReactNode; title: string; to?: string; action?: string; primary?: boolean; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Card
      title={
        <h2 className="section-title">
          {icon} {title}
        </h2>
      }
    >
      {children}
      {to && (
        <Button {...(primary ? { type: 'primary' as const } : {})} onClick={() => navigate(to)}>
          {action}
        </Button>
      )}
    </Card>
  );
}

export function PortalHomePage() {
  return (
    <>
      <h1>公共服务</h1>
      <p className="muted" style={{ marginTop: 0, marginBottom: 20 }}>
        北京市西城区司法局面向群众和企业提供的在线服务。无需登录即可使用。
      </p>
      <div className="portal-cards">
        <ServiceCard icon={<FormOutlined aria-hidden="true" />} title="网上申请行政复议" to="/portal/reconsideration/apply" action="在线申请" primary>
          <p>认为行政行为侵犯您的合法权益，可自知道或者应当知道该行政行为之日起六十日内在线提交行政复议申请书和材料（《中华人民共和国行政复议法》第二十条第一款、第二十二条第二款）。行政复议机关收到申请后五个工作日内审查是否受理（第三十条、第八十八条第二款）。</p>
        </ServiceCard>
        <ServiceCard icon={<FileSearchOutlined aria-hidden="true" />} title="办理进度查询" to="/portal/reconsideration/progress" action="查询进度">
          <p>凭回执编号和查询码查看行政复议申请的办理状态、下一个法定期限及其计算说明，下载网上送达的文书。</p>
        </ServiceCard>
        <ServiceCard icon={<CalculatorOutlined aria-hidden="true" />} title="期限计算器" to="/portal/calculator" action="开始计算" primary>
          <p>输入起算日和天数，按国务院办公厅公布的节假日安排计算期限届满日，并逐步说明计算过程和法律依据。</p>
        </ServiceCard>
        <ServiceCard icon={<BankOutlined aria-hidden="true" />} title="查找最近的服务点" to="/portal/legal-services/nearest" action="找服务点">
          <p>选择所在街道和社区，查看步行可达的公共法律服务中心、工作站和服务室，以及开放时间和联系电话。</p>
        </ServiceCard>
        <ServiceCard icon={<CommentOutlined aria-hidden="true" />} title="草案公开征求意见" to="/portal/legality-review" action="查看草案">
          <p>对正在公开征求意见的规范性文件、重大行政决策草案逐条提出意见，无需登录，姓名和单位可不填。</p>
        </ServiceCard>
        <ServiceCard icon={<AuditOutlined aria-hidden="true" />} title="双随机抽查结果公开" to="/portal/legal-services/inspections" action="查看抽查结果">
          <p>查询行政执法部门“双随机、一公开”抽查的检查对象、抽查事项和检查结果（《优化营商环境条例》第五十四条）。</p>
        </ServiceCard>
        <ServiceCard icon={<PhoneOutlined aria-hidden="true" />} title="法律咨询">
          <p>
            需要法律帮助，可拨打公共法律服务热线 <a href="tel:12348">12348</a>，或前往所在街道的公共法律服务工作站、司法所咨询。
          </p>
        </ServiceCard>
        <ServiceCard icon={<ReadOutlined aria-hidden="true" />} title="期限怎么算">
          <ul style={{ paddingLeft: '1.2em', margin: 0 }}>
            <li>期间开始的当日不计入，从次日开始计算（《中华人民共和国民事诉讼法》第八十五条、《中华人民共和国民法典》第二百零一条）。</li>
            <li>法律规定按工作日计算的（如行政复议中的三日、五日、七日、十日，《中华人民共和国行政复议法》第八十八条第二款），不含周六、周日和法定节假日，调休上班日计入。</li>
            <li>按自然日计算时，期间最后一日是法定休假日的，顺延至休假日后的第一个工作日（《中华人民共和国民事诉讼法》第八十五条、《中华人民共和国民法典》第二百零三条）。</li>
          </ul>
        </ServiceCard>
      </div>
      <p style={{ marginTop: 24 }}>
        <Link to="/login">工作人员登录</Link>
      </p>
    </>
  );
}
