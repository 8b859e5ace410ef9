import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<h1 className="result-title">无权访问</h1>}
      subTitle="抱歉，您的账户没有访问此页面的权限。如需使用，请联系安全管理员分配相应角色。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}

export function NotFoundPage({ portal = false }: { portal?: boolean }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 className="result-title">页面不存在</h1>}
      subTitle="您访问的页面不存在或已被移除，请检查地址是否正确。"
      extra={
        <Button type="primary" onClick={() => navigate(portal ? '/portal' : '/')}>
          {portal ? '返回公共服务首页' : '返回工作台'}
        </Button>
      }
    />
  );
}
