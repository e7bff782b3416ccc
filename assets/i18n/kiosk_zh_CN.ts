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
    <message id="field.printed_at">
        <source>Printed at</source>
        <translation>打印时间</translation>
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
    <message id="camera.no_face">
        <source>Please stand in front of the camera</source>
        <translation>请站到摄像头前</translation>
    </message>
    <message id="camera.one_person_only">
        <source>One person at a time, please</source>
        <translation>请一人单独拍摄</translation>
    </message>
    <message id="camera.move_closer">
        <source>Move a little closer</source>
        <translation>请再靠近一点</translation>
    </message>
    <message id="camera.move_back">
        <source>Move back a little</source>
        <translation>请稍微后退</translation>
    </message>
    <message id="camera.move_to_center">
        <source>Move to the middle of the picture</source>
        <translation>请移到画面中间</translation>
    </message>
    <message id="camera.look_straight">
        <source>Look straight at the camera</source>
        <translation>请正视摄像头</translation>
    </message>
    <message id="camera.open_eyes">
        <source>Keep your eyes open</source>
        <translation>请睁开眼睛</translation>
    </message>
    <message id="camera.too_dark">
        <source>It is too dark; step closer to the light</source>
        <translation>光线太暗，请靠近灯光</translation>
    </message>
    <message id="camera.too_bright">
        <source>Too bright; step out of the glare</source>
        <translation>光线太强，请避开强光</translation>
    </message>
    <message id="camera.uneven_light">
        <source>The light on your face is uneven</source>
        <translation>脸部光线不均匀</translation>
    </message>
    <message id="camera.plain_background">
        <source>Stand in front of the plain background</source>
        <translation>请站在纯色背景前</translation>
    </message>
    <message id="camera.hold_still">
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message id="camera.blink">
        <source>Blink slowly, please</source>
        <translation>请慢慢眨一下眼睛</translation>
    </message>
    <message id="flow.door">
        <source>Door %1</source>
        <translation>%1 号柜门</translation>
    </message>
    <message id="flow.finger_scan">
        <source>%1: press %2 of %3</source>
        <translation>%1：第 %2 次，共 %3 次</translation>
    </message>
    <message id="maintenance.state.ready">
        <source>Ready</source>
        <translation>正常</translation>
    </message>
    <message id="maintenance.state.busy">
        <source>Busy</source>
        <translation>工作中</translation>
    </message>
    <message id="maintenance.state.user_action">
        <source>Waiting for the user</source>
        <translation>等待用户操作</translation>
    </message>
    <message id="maintenance.state.disconnected">
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message id="maintenance.state.hardware_error">
        <source>Hardware fault</source>
        <translation>硬件故障</translation>
    </message>
    <message id="maintenance.state.maintenance">
        <source>Needs a technician</source>
        <translation>需要维护</translation>
    </message>
    <message id="maintenance.state.none">
        <source>Not driven by this version</source>
        <translation>本版本未驱动</translation>
    </message>
    <message id="maintenance.port">
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message id="maintenance.identity">
        <source>Model / firmware / serial</source>
        <translation>型号 / 固件 / 序列号</translation>
    </message>
    <message id="maintenance.since">
        <source>State changed</source>
        <translation>状态变化于</translation>
    </message>
    <message id="maintenance.ago">
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message id="maintenance.self_test">
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message id="maintenance.open_door">
        <source>Open door %1</source>
        <translation>打开 %1 号柜门</translation>
    </message>
    <message id="maintenance.open_all">
        <source>Open every door, one by one</source>
        <translation>逐个打开全部柜门</translation>
    </message>
    <message id="maintenance.pass">
        <source>PASS</source>
        <translation>通过 PASS</translation>
    </message>
    <message id="maintenance.fail">
        <source>FAIL</source>
        <translation>失败 FAIL</translation>
    </message>
    <message id="maintenance.testing">
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message id="maintenance.board.title">
        <source>Maintenance mode</source>
        <translation>维护模式</translation>
    </message>
    <message id="maintenance.board.who_card">
        <source>Entered with a technician card</source>
        <translation>已用技术员卡进入</translation>
    </message>
    <message id="maintenance.board.who_pin">
        <source>Entered with the PIN</source>
        <translation>已用维护密码进入</translation>
    </message>
    <message id="maintenance.exit">
        <source>Exit</source>
        <translation>退出维护</translation>
    </message>
    <message id="maintenance.service.out">
        <source>Out of service: citizens cannot start a service</source>
        <translation>已暂停服务：市民无法办理业务</translation>
    </message>
    <message id="maintenance.service.in">
        <source>In service for citizens</source>
        <translation>正常服务中</translation>
    </message>
    <message id="maintenance.service.put_back">
        <source>Put back in service</source>
        <translation>恢复服务</translation>
    </message>
    <message id="maintenance.service.take_out">
        <source>Take out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message id="maintenance.devices">
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message id="maintenance.voice">
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message id="maintenance.voice.play">
        <source>Play a voice prompt</source>
        <translation>播放一段语音提示</translation>
    </message>
    <message id="maintenance.sync">
        <source>Network and sync</source>
        <translation>网络与同步</translation>
    </message>
    <message id="maintenance.system">
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message id="maintenance.software">
        <source>Software</source>
        <translation>软件版本</translation>
    </message>
    <message id="maintenance.clock">
        <source>Clock (UTC)</source>
        <translation>时钟 (UTC)</translation>
    </message>
    <message id="maintenance.platform_clock">
        <source>Offset from the platform</source>
        <translation>与平台的时差</translation>
    </message>
    <message id="maintenance.uptime">
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message id="maintenance.disk">
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message id="maintenance.memory">
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message id="maintenance.host">
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message id="maintenance.report">
        <source>Readiness report</source>
        <translation>就绪报告</translation>
    </message>
    <message id="maintenance.log">
        <source>Latest events</source>
        <translation>最近的事件</translation>
    </message>
    <message id="maintenance.report.print">
        <source>Print the report on the receipt printer</source>
        <translation>用凭条打印机打印报告</translation>
    </message>
    <message id="maintenance.report.printing">
        <source>Running the self-tests, then printing…</source>
        <translation>正在运行全部自检，然后打印…</translation>
    </message>
    <message id="maintenance.report.printed">
        <source>Printed on %1: take the slip from the printer.</source>
        <translation>已在 %1 打印：请从打印机取走凭条。</translation>
    </message>
    <message id="maintenance.report.print_failed">
        <source>The report could not be printed: %1. Fix the printer (see its card above) and print again.</source>
        <translation>报告未能打印：%1。请先修好打印机（见上方其设备卡片），再打印一次。</translation>
    </message>
    <message id="maintenance.report.usb">
        <source>Save the report to a USB stick</source>
        <translation>把报告保存到 U 盘</translation>
    </message>
    <message id="maintenance.report.save_to">
        <source>Save to %1</source>
        <translation>保存到 %1</translation>
    </message>
    <message id="maintenance.report.no_usb">
        <source>No USB stick found. Plug one in, wait a few seconds, and press again.</source>
        <translation>没有找到 U 盘。请插入 U 盘，等几秒钟，再按一次。</translation>
    </message>
    <message id="maintenance.report.saving">
        <source>Running the self-tests, then saving…</source>
        <translation>正在运行全部自检，然后保存…</translation>
    </message>
    <message id="maintenance.report.saved_usb">
        <source>Saved on the stick: %1. You can take the stick out now.</source>
        <translation>已保存到 U 盘：%1。现在可以拔出 U 盘。</translation>
    </message>
    <message id="maintenance.report.write">
        <source>Run every self-test and save the report (JSON and HTML)</source>
        <translation>运行全部自检并保存报告（JSON 和 HTML）</translation>
    </message>
    <message id="maintenance.report.running">
        <source>Running the self-tests…</source>
        <translation>正在运行全部自检…</translation>
    </message>
    <message id="maintenance.report.written">
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message id="maintenance.report.failed">
        <source>The report could not be saved: %1</source>
        <translation>报告未能保存：%1</translation>
    </message>
    <message id="out_of_service.title">
        <source>Temporarily out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message id="out_of_service.body">
        <source>This terminal is being serviced. Please use another terminal or go to a staffed counter.</source>
        <translation>本机正在维护，请使用其他自助终端或前往人工窗口办理。</translation>
    </message>
    <message id="maintenance.duration">
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message id="maintenance.duration_s">
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message id="maintenance.pin.title">
        <source>Maintenance</source>
        <translation>设备维护</translation>
    </message>
    <message id="maintenance.pin.prompt">
        <source>Technician: enter the maintenance PIN</source>
        <translation>技术人员请输入维护密码</translation>
    </message>
    <message id="maintenance.pin.wrong" numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before the entry locks.</source>
        <translation>
            <numerusform>密码错误，还可尝试 %n 次，之后将暂时锁定。</numerusform>
        </translation>
    </message>
    <message id="maintenance.pin.locked">
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>密码错误次数过多，请 %1后再试。</translation>
    </message>
    <message id="maintenance.pin.card_unknown">
        <source>This card is not a technician card.</source>
        <translation>此卡不是技术员卡。</translation>
    </message>
    <message id="maintenance.pin.disabled">
        <source>PIN entry is off on this terminal. Hold a technician card to the card reader.</source>
        <translation>本机未启用维护密码，请在读卡器上刷技术员卡。</translation>
    </message>
    <message id="maintenance.pin.clear">
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message id="maintenance.pin.delete">
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message id="maintenance.cancel">
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message id="maintenance.pin.enter">
        <source>Enter</source>
        <translation>确定</translation>
    </message>
    <message id="maintenance.log.all">
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message id="maintenance.log.empty">
        <source>No events about this device since the kiosk started.</source>
        <translation>自终端启动以来，没有关于此设备的事件。</translation>
    </message>
    <message id="maintenance.sync.online">
        <source>Online: the central platform answers</source>
        <translation>在线：中心平台有应答</translation>
    </message>
    <message id="maintenance.sync.offline">
        <source>Offline: records wait on this terminal and are sent when the network is back</source>
        <translation>离线：记录保存在本终端，网络恢复后发送</translation>
    </message>
    <message id="maintenance.sync.url">
        <source>Central platform</source>
        <translation>中心平台</translation>
    </message>
    <message id="maintenance.sync.heartbeat">
        <source>Last heartbeat</source>
        <translation>最近一次心跳</translation>
    </message>
    <message id="maintenance.sync.never">
        <source>none answered yet</source>
        <translation>尚无应答</translation>
    </message>
    <message id="maintenance.sync.waiting">
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message id="maintenance.sync.waiting_value">
        <source>%1 record(s), the oldest %2 old</source>
        <translation>%1 条记录，最早的已等待 %2</translation>
    </message>
    <message id="maintenance.sync.nothing_waiting">
        <source>nothing: everything was sent</source>
        <translation>无：全部已发送</translation>
    </message>
    <message id="maintenance.sync.last_error">
        <source>Last sending error</source>
        <translation>最近一次发送错误</translation>
    </message>
    <message id="maintenance.sync.dead">
        <source>Refused by the platform</source>
        <translation>被平台拒收</translation>
    </message>
    <message id="maintenance.sync.none">
        <source>none</source>
        <translation>无</translation>
    </message>
    <message id="maintenance.sync.clock">
        <source>Clock offset</source>
        <translation>时钟偏差</translation>
    </message>
    <message id="maintenance.sync.send_now">
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message id="maintenance.refresh">
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
</TS>
