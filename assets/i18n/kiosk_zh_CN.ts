<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message id="prompt.attract">
        <source>Hello. Touch the screen to start.</source>
        <translation>您好，请触摸屏幕开始办理。</translation>
    </message>
    <message id="attract.touch_to_start">
        <source>Touch the screen to start</source>
        <translation>请触摸屏幕开始办理</translation>
    </message>
    <message id="attract.subtitle">
        <source>Open 24 hours, with spoken guidance</source>
        <translation>24小时自助服务，全程语音引导</translation>
    </message>
    <message id="service.id_card_replace">
        <source>Replace a lost ID card</source>
        <translation>补领身份证</translation>
    </message>
    <message id="service.queue_ticket">
        <source>Queue ticket</source>
        <translation>排队取号</translation>
    </message>
    <message id="service.id_photo">
        <source>ID photo</source>
        <translation>证件照拍摄</translation>
    </message>
    <message id="service.id_card_pickup">
        <source>Collect a document from a locker</source>
        <translation>证件柜取件</translation>
    </message>
    <message id="bar.back">
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message id="bar.cancel">
        <source>Cancel</source>
        <translation>取消办理</translation>
    </message>
    <message id="bar.home">
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message id="bar.other_language">
        <source>中文</source>
        <translation>English</translation>
    </message>
    <message id="bar.large_text">
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message id="bar.muted">
        <source>Muted</source>
        <translation>已静音</translation>
    </message>
    <message id="bar.voice_on">
        <source>Voice on</source>
        <translation>语音播报</translation>
    </message>
    <message id="prompt.catalogue">
        <source>Please choose a service. You can also search for one.</source>
        <translation>请选择要办理的业务，也可以搜索业务名称。</translation>
    </message>
    <message id="catalogue.title">
        <source>Choose a service</source>
        <translation>请选择要办理的业务</translation>
    </message>
    <message id="catalogue.search">
        <source>Search, for example: ID card</source>
        <translation>搜索业务，例如：身份证</translation>
    </message>
    <message id="catalogue.no_match">
        <source>No service matches. Try another word, or clear the search.</source>
        <translation>没有找到相关业务。请换个词试试，或清空搜索。</translation>
    </message>
    <message id="dept.public_security">
        <source>Public security</source>
        <translation>公安户政</translation>
    </message>
    <message id="dept.social_security">
        <source>Social security and medical insurance</source>
        <translation>社保医保</translation>
    </message>
    <message id="dept.general">
        <source>General services</source>
        <translation>综合服务</translation>
    </message>
    <message id="service.social_security_query">
        <source>Social security records</source>
        <translation>社保缴费记录查询</translation>
    </message>
    <message id="service.medical_insurance_query">
        <source>Medical insurance balance</source>
        <translation>医保余额查询</translation>
    </message>
    <message id="service.form_help">
        <source>Help with a form</source>
        <translation>表格填写指引</translation>
    </message>
    <message id="prompt.idle">
        <source>Are you still there? To continue, touch: I am here, continue.</source>
        <translation>您还在吗？如需继续办理，请点击“我还在，继续办理”。</translation>
    </message>
    <message id="idle.title">
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message id="idle.body" numerus="yes">
        <source>In %n second(s) this session ends and everything you entered on this terminal is erased.</source>
        <translation>
            <numerusform>%n 秒后将结束本次办理，并清除您在本机输入的全部信息。</numerusform>
        </translation>
    </message>
    <message id="idle.continue">
        <source>I am here, continue</source>
        <translation>我还在，继续办理</translation>
    </message>
    <message id="idle.end">
        <source>End now and erase</source>
        <translation>立即结束并清除信息</translation>
    </message>
    <message id="net.online">
        <source>Online</source>
        <translation>网络正常</translation>
    </message>
    <message id="net.offline">
        <source>Offline</source>
        <translation>网络中断</translation>
    </message>
    <message id="net.waiting" numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 条记录待发送</numerusform>
        </translation>
    </message>
    <message id="prompt.offline_service">
        <source>This service needs the network, which is down. Please go to a staffed counter, or try again later.</source>
        <translation>此业务需要联网办理，当前网络中断。请到人工服务窗口办理，或稍后再试。</translation>
    </message>
    <message id="notice.offline.title">
        <source>The network is down</source>
        <translation>网络暂时中断</translation>
    </message>
    <message id="notice.offline.body">
        <source>This service needs the network. Please go to a staffed counter, or try again later. Services that work offline are still open.</source>
        <translation>此业务需要联网办理。请到人工服务窗口办理，或稍后再试。不需联网的业务仍可正常办理。</translation>
    </message>
    <message id="notice.ok">
        <source>OK, back to the services</source>
        <translation>知道了，返回业务列表</translation>
    </message>
    <message id="prompt.service_not_open">
        <source>Self-service for this is not yet open on this terminal. Please go to a staffed counter, or choose another service.</source>
        <translation>本机暂未开通此业务的自助办理。请到人工服务窗口办理，或选择其他业务。</translation>
    </message>
    <message id="service.not_open">
        <source>Self-service for this is not yet open on this terminal.</source>
        <translation>本机暂未开通此业务的自助办理</translation>
    </message>
    <message id="service.go_elsewhere">
        <source>Please go to a staffed counter during opening hours, or choose another service.</source>
        <translation>请在工作时间到人工服务窗口办理，或选择其他业务。</translation>
    </message>
    <message id="service.choose_another">
        <source>Choose another service</source>
        <translation>选择其他业务</translation>
    </message>
    <message id="catalogue.fee">
        <source>Fee: ¥%1</source>
        <translation>费用：¥%1</translation>
    </message>
    <message id="catalogue.free">
        <source>Free of charge</source>
        <translation>免费</translation>
    </message>
    <message id="catalogue.unavailable_offline">
        <source>Needs the network, which is down</source>
        <translation>需联网，当前网络中断</translation>
    </message>
    <message id="flow.step_of">
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message id="flow.sms_sent_to">
        <source>A code was sent to %1.</source>
        <translation>验证码已发送到 %1。</translation>
    </message>
    <message id="flow.optional">
        <source>(optional)</source>
        <translation>（选填）</translation>
    </message>
    <message id="flow.next">
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message id="flow.previous">
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message id="flow.done">
        <source>Done</source>
        <translation>看完了</translation>
    </message>
    <message id="flow.amount">
        <source>Amount: ¥%1</source>
        <translation>应付金额：¥%1</translation>
    </message>
    <message id="flow.payment_preparing">
        <source>Preparing the payment…</source>
        <translation>正在生成付款码…</translation>
    </message>
    <message id="flow.payment_how">
        <source>Scan the code with your phone&apos;s payment app, or hold your payment code under the scanner.</source>
        <translation>请用手机支付软件扫描二维码，或将您的付款码对准扫码器。</translation>
    </message>
    <message id="flow.payment_waiting">
        <source>Waiting for the payment to be confirmed</source>
        <translation>正在等待支付结果</translation>
    </message>
    <message id="flow.rating_reasons">
        <source>What was it about? (choose any)</source>
        <translation>主要是哪方面？（可多选）</translation>
    </message>
    <message id="flow.send">
        <source>Send</source>
        <translation>提交</translation>
    </message>
    <message id="flow.confirm">
        <source>Confirm</source>
        <translation>确认无误，继续</translation>
    </message>
    <message id="flow.door">
        <source>Door %1</source>
        <translation>%1 号柜门</translation>
    </message>
</context>
</TS>
