<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message id="service.id_card_replace">
            <source>Replace a lost ID card</source>
            <translation>补领身份证</translation>
        </message>
        <message id="service.id_card_pickup">
            <source>Collect a document from a locker</source>
            <translation>证件柜取件</translation>
        </message>
        <message id="service.id_photo">
            <source>ID photo</source>
            <translation>证件照拍摄</translation>
        </message>
        <message id="service.queue_ticket">
            <source>Queue ticket</source>
            <translation>排队取号</translation>
        </message>
        <message id="service.forms">
            <source>Sample forms and form filling</source>
            <translation>样表与填表</translation>
        </message>
        <message id="service.rating">
            <source>Rate our service</source>
            <translation>好差评</translation>
        </message>
        <message id="prompt.service.id_card_replace">
            <source>Let us replace your ID card. Please follow the steps on the screen.</source>
            <translation>下面为您办理身份证补领或换领，请按屏幕提示操作。</translation>
        </message>
        <message id="prompt.service.id_card_pickup">
            <source>Let us collect your document. Please scan your receipt or use your ID card.</source>
            <translation>下面为您办理领证，请扫描回执二维码或使用身份证。</translation>
        </message>
        <message id="prompt.service.id_photo">
            <source>Let us take your ID photo. Please look at the camera.</source>
            <translation>下面为您拍摄证件照，请看向摄像头。</translation>
        </message>
        <message id="prompt.service.queue_ticket">
            <source>Please choose the department and the matter for your ticket.</source>
            <translation>请选择要办理的部门和事项，为您取号。</translation>
        </message>
        <message id="prompt.service.forms">
            <source>You can look at sample forms, or fill in a form and print it.</source>
            <translation>您可以查看样表，也可以在这里填写表格并打印。</translation>
        </message>
        <message id="prompt.service.rating">
            <source>Please tell us how we did.</source>
            <translation>请对我们的服务作出评价。</translation>
        </message>
        <message id="offline.id_card_replace">
            <source>The network is down: please go to the counter in the hall, or come back later.</source>
            <translation>网络暂时中断：请到大厅窗口办理，或稍后再来。</translation>
        </message>
        <message id="step.identity_entry.title">
            <source>Your ID number and name</source>
            <translation>填写身份证号码和姓名</translation>
        </message>
        <message id="step.identity_entry.prompt">
            <source>Please enter your ID number and your name.</source>
            <translation>请输入您的身份证号码和姓名。</translation>
        </message>
        <message id="step.read_id_card.title">
            <source>Place your ID card</source>
            <translation>请放置身份证</translation>
        </message>
        <message id="step.read_id_card.prompt">
            <source>Please place your ID card on the reader.</source>
            <translation>请将身份证放在读卡区。</translation>
        </message>
        <message id="step.photo_capture.title">
            <source>Take a photo</source>
            <translation>拍摄照片</translation>
        </message>
        <message id="step.photo_capture.prompt">
            <source>Please look at the camera and follow the instructions.</source>
            <translation>请正对摄像头，按提示调整。</translation>
        </message>
        <message id="step.face_verify.title">
            <source>Face check</source>
            <translation>人脸核验</translation>
        </message>
        <message id="step.face_verify.prompt">
            <source>Please look at the camera and blink.</source>
            <translation>请正对摄像头并眨眨眼。</translation>
        </message>
        <message id="step.fingerprint_capture.title">
            <source>Fingerprints</source>
            <translation>采集指纹</translation>
        </message>
        <message id="step.fingerprint_capture.prompt">
            <source>Please place your thumb on the sensor when asked.</source>
            <translation>请按提示将拇指放在指纹采集器上。</translation>
        </message>
        <message id="step.phone_entry.title">
            <source>Your phone number</source>
            <translation>填写手机号码</translation>
        </message>
        <message id="step.phone_entry.prompt">
            <source>Please enter your mobile phone number.</source>
            <translation>请输入您的手机号码。</translation>
        </message>
        <message id="step.sms_code.title">
            <source>SMS code</source>
            <translation>短信验证码</translation>
        </message>
        <message id="step.sms_code.prompt">
            <source>Please enter the code we sent to your phone.</source>
            <translation>请输入发送到您手机的验证码。</translation>
        </message>
        <message id="step.address_entry.title">
            <source>Postal address</source>
            <translation>邮寄地址</translation>
        </message>
        <message id="step.address_entry.prompt">
            <source>Please enter the address to send your card to.</source>
            <translation>请输入证件邮寄地址。</translation>
        </message>
        <message id="step.summary.title">
            <source>Please check</source>
            <translation>请核对信息</translation>
        </message>
        <message id="step.summary.prompt">
            <source>Please check the details. Touch Confirm if they are right.</source>
            <translation>请核对以下信息，无误请点击确认。</translation>
        </message>
        <message id="step.payment.title">
            <source>Pay the fee</source>
            <translation>缴纳费用</translation>
        </message>
        <message id="step.payment.prompt">
            <source>Please scan the QR code with your payment app, or show your payment code to the scanner.</source>
            <translation>请用支付软件扫描二维码，或将付款码对准扫码口。</translation>
        </message>
        <message id="step.submit_application.title">
            <source>Sending your application</source>
            <translation>正在提交申请</translation>
        </message>
        <message id="step.submit_application.prompt">
            <source>Please wait while we send your application.</source>
            <translation>正在提交您的申请，请稍候。</translation>
        </message>
        <message id="step.print.title">
            <source>Printing</source>
            <translation>正在打印</translation>
        </message>
        <message id="step.print.prompt">
            <source>Please take your printout.</source>
            <translation>请取走打印的凭条。</translation>
        </message>
        <message id="step.pickup_lookup.title">
            <source>Scan your receipt</source>
            <translation>扫描回执</translation>
        </message>
        <message id="step.pickup_lookup.prompt">
            <source>Please hold the QR code on your receipt under the scanner.</source>
            <translation>请将回执上的二维码对准扫码口。</translation>
        </message>
        <message id="step.locker_pickup.title">
            <source>Take your document</source>
            <translation>取走证件</translation>
        </message>
        <message id="step.locker_pickup.prompt">
            <source>The door is open. Please take your document and shut the door.</source>
            <translation>柜门已打开，请取走证件并关好柜门。</translation>
        </message>
        <message id="step.take_ticket.title">
            <source>Taking your ticket</source>
            <translation>正在取号</translation>
        </message>
        <message id="step.take_ticket.prompt">
            <source>Please wait a moment.</source>
            <translation>请稍候。</translation>
        </message>
        <message id="step.record.title">
            <source>Saving</source>
            <translation>正在保存</translation>
        </message>
        <message id="step.record.prompt">
            <source>Please wait a moment.</source>
            <translation>请稍候。</translation>
        </message>
        <message id="step.rating.title">
            <source>How did we do?</source>
            <translation>请您评价</translation>
        </message>
        <message id="step.rating.prompt">
            <source>Please rate this service.</source>
            <translation>请对本次服务作出评价。</translation>
        </message>
        <message id="step.feedback.title">
            <source>Could not get it done</source>
            <translation>办不成事反映</translation>
        </message>
        <message id="step.feedback.prompt">
            <source>Please tell us what you could not get done. Leaving a phone number is optional.</source>
            <translation>请告诉我们您没能办成的事情，联系电话可以不填。</translation>
        </message>
        <message id="step.info_pages.title">
            <source>Sample forms</source>
            <translation>样表</translation>
        </message>
        <message id="step.info_pages.prompt">
            <source>Touch a form to see how to fill it in.</source>
            <translation>点击表格查看填写示例。</translation>
        </message>
        <message id="step.form_fill.title">
            <source>Fill in the form</source>
            <translation>填写表格</translation>
        </message>
        <message id="step.form_fill.prompt">
            <source>Please fill in each field. The form is printed at the end.</source>
            <translation>请逐项填写，完成后为您打印。</translation>
        </message>
        <message id="step.notice.title">
            <source>Something went wrong</source>
            <translation>遇到问题</translation>
        </message>
        <message id="step.notice.prompt">
            <source>Please read what happened and choose how to go on.</source>
            <translation>请查看提示，选择下一步。</translation>
        </message>
        <message id="replace.reason.title">
            <source>Why do you need a new card?</source>
            <translation>请选择办理原因</translation>
        </message>
        <message id="replace.reason.prompt">
            <source>Please tell us why you need a new ID card.</source>
            <translation>请选择您补领或换领身份证的原因。</translation>
        </message>
        <message id="replace.pickup.title">
            <source>How will you get your new card?</source>
            <translation>请选择领证方式</translation>
        </message>
        <message id="replace.pickup.prompt">
            <source>Collect it from the locker here, or have it sent by post.</source>
            <translation>可以在本机证件柜领取，也可以邮寄到家。</translation>
        </message>
        <message id="pickup.how.title">
            <source>How do you want to collect?</source>
            <translation>请选择取件方式</translation>
        </message>
        <message id="pickup.how.prompt">
            <source>Scan the QR code on your receipt, or use your ID card.</source>
            <translation>请扫描回执二维码，或使用身份证。</translation>
        </message>
        <message id="photo.review.title">
            <source>Your photo</source>
            <translation>您的照片</translation>
        </message>
        <message id="photo.review.prompt">
            <source>Use this photo, or take another one?</source>
            <translation>使用这张照片，还是重新拍摄？</translation>
        </message>
        <message id="queue.department.title">
            <source>Which department?</source>
            <translation>请选择部门</translation>
        </message>
        <message id="queue.department.prompt">
            <source>Please choose the department you need.</source>
            <translation>请选择您要办理业务的部门。</translation>
        </message>
        <message id="queue.matter.title">
            <source>What do you need?</source>
            <translation>请选择事项</translation>
        </message>
        <message id="queue.matter.prompt">
            <source>Please choose the matter.</source>
            <translation>请选择要办理的事项。</translation>
        </message>
        <message id="forms.mode.title">
            <source>Sample forms or fill in a form?</source>
            <translation>查看样表还是填写表格？</translation>
        </message>
        <message id="forms.mode.prompt">
            <source>Look at sample forms, or fill in a form here and print it.</source>
            <translation>可以查看样表，也可以在这里填写并打印。</translation>
        </message>
        <message id="forms.which.title">
            <source>Which form?</source>
            <translation>请选择表格</translation>
        </message>
        <message id="forms.which.prompt">
            <source>Please choose the form to fill in.</source>
            <translation>请选择要填写的表格。</translation>
        </message>
        <message id="opinion.what.title">
            <source>Rate, or tell us what went wrong</source>
            <translation>评价或反映问题</translation>
        </message>
        <message id="opinion.what.prompt">
            <source>Rate our service, or tell us what you could not get done.</source>
            <translation>您可以评价服务，也可以反映没办成的事。</translation>
        </message>
        <message id="choice.reason.lost">
            <source>Lost</source>
            <translation>丢失补领</translation>
        </message>
        <message id="choice.reason.damaged">
            <source>Damaged</source>
            <translation>损坏换领</translation>
        </message>
        <message id="choice.reason.expired">
            <source>Expired</source>
            <translation>到期换领</translation>
        </message>
        <message id="choice.pickup.locker">
            <source>Collect from the locker here</source>
            <translation>本机证件柜领取</translation>
        </message>
        <message id="choice.pickup.post">
            <source>Send by post</source>
            <translation>邮寄到家</translation>
        </message>
        <message id="choice.pickup_by.code">
            <source>Scan my receipt</source>
            <translation>扫描回执二维码</translation>
        </message>
        <message id="choice.pickup_by.id_card">
            <source>Use my ID card</source>
            <translation>使用身份证</translation>
        </message>
        <message id="choice.photo_choice.use">
            <source>Use this photo</source>
            <translation>使用这张照片</translation>
        </message>
        <message id="choice.photo_choice.retake">
            <source>Take another</source>
            <translation>重新拍摄</translation>
        </message>
        <message id="choice.department.public_security">
            <source>Public security</source>
            <translation>公安户政</translation>
        </message>
        <message id="choice.department.social_security">
            <source>Social security</source>
            <translation>社保医保</translation>
        </message>
        <message id="choice.department.civil_affairs">
            <source>Civil affairs</source>
            <translation>民政</translation>
        </message>
        <message id="choice.department.tax">
            <source>Tax</source>
            <translation>税务</translation>
        </message>
        <message id="choice.matter.apply">
            <source>Apply for something</source>
            <translation>申请办理</translation>
        </message>
        <message id="choice.matter.collect">
            <source>Collect a document</source>
            <translation>领取证件</translation>
        </message>
        <message id="choice.matter.enquire">
            <source>Ask a question</source>
            <translation>咨询</translation>
        </message>
        <message id="choice.matter.other">
            <source>Something else</source>
            <translation>其他事项</translation>
        </message>
        <message id="choice.form_mode.samples">
            <source>Sample forms</source>
            <translation>查看样表</translation>
        </message>
        <message id="choice.form_mode.fill">
            <source>Fill in a form</source>
            <translation>填写表格</translation>
        </message>
        <message id="choice.form_choice.id_card_application">
            <source>ID card application</source>
            <translation>居民身份证申领登记表</translation>
        </message>
        <message id="choice.form_choice.social_security_card">
            <source>Social security card application</source>
            <translation>社会保障卡申领表</translation>
        </message>
        <message id="choice.opinion.rate">
            <source>Rate our service</source>
            <translation>评价服务</translation>
        </message>
        <message id="choice.opinion.not_done">
            <source>I could not get it done</source>
            <translation>办不成事反映</translation>
        </message>
        <message id="field.id_number">
            <source>ID number</source>
            <translation>身份证号码</translation>
        </message>
        <message id="field.name">
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message id="field.phone">
            <source>Mobile phone</source>
            <translation>手机号码</translation>
        </message>
        <message id="field.sms_code">
            <source>SMS code</source>
            <translation>短信验证码</translation>
        </message>
        <message id="field.address">
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message id="field.reason">
            <source>Reason</source>
            <translation>办理原因</translation>
        </message>
        <message id="field.pickup">
            <source>How to get it</source>
            <translation>领证方式</translation>
        </message>
        <message id="field.photo">
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message id="field.fingerprints">
            <source>Fingerprints</source>
            <translation>指纹</translation>
        </message>
        <message id="field.fee_fen">
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message id="field.paid_fen">
            <source>Paid</source>
            <translation>已缴费用</translation>
        </message>
        <message id="field.application_no">
            <source>Application number</source>
            <translation>受理编号</translation>
        </message>
        <message id="field.session_ref">
            <source>Reference</source>
            <translation>业务流水号</translation>
        </message>
        <message id="field.last_error">
            <source>What happened</source>
            <translation>遇到的问题</translation>
        </message>
        <message id="field.ticket_no">
            <source>Your number</source>
            <translation>您的号码</translation>
        </message>
        <message id="field.waiting">
            <source>People before you</source>
            <translation>前面等候人数</translation>
        </message>
        <message id="field.department">
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message id="field.matter">
            <source>Matter</source>
            <translation>事项</translation>
        </message>
        <message id="field.receipt_no">
            <source>Photo number</source>
            <translation>照片回执号</translation>
        </message>
        <message id="field.door">
            <source>Door</source>
            <translation>柜门</translation>
        </message>
        <message id="field.feedback_text">
            <source>What happened (optional)</source>
            <translation>情况说明（选填）</translation>
        </message>
        <message id="field.contact_phone">
            <source>Phone for a call back (optional)</source>
            <translation>联系电话（选填）</translation>
        </message>
        <message id="form.id_card_application.title">
            <source>Resident ID card application</source>
            <translation>居民身份证申领登记表</translation>
        </message>
        <message id="form.id_card_application.sample">
            <source>Fill in your name as on the household register, your date of birth as YYYY-MM-DD, your registered address and a mobile number.</source>
            <translation>姓名按户口簿填写，出生日期格式为年-月-日，住址填写户籍地址，并留手机号码。</translation>
        </message>
        <message id="form.id_card_application.name">
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message id="form.id_card_application.birth_date">
            <source>Date of birth</source>
            <translation>出生日期</translation>
        </message>
        <message id="form.id_card_application.address">
            <source>Registered address</source>
            <translation>户籍地址</translation>
        </message>
        <message id="form.id_card_application.phone">
            <source>Mobile phone</source>
            <translation>手机号码</translation>
        </message>
        <message id="form.social_security_card.title">
            <source>Social security card application</source>
            <translation>社会保障卡申领表</translation>
        </message>
        <message id="form.social_security_card.sample">
            <source>Fill in your name, your employer (or 'none'), your address and a mobile number.</source>
            <translation>填写姓名、工作单位（无单位填“无”）、住址和手机号码。</translation>
        </message>
        <message id="form.social_security_card.name">
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message id="form.social_security_card.employer">
            <source>Employer</source>
            <translation>工作单位</translation>
        </message>
        <message id="form.social_security_card.address">
            <source>Address</source>
            <translation>住址</translation>
        </message>
        <message id="form.social_security_card.phone">
            <source>Mobile phone</source>
            <translation>手机号码</translation>
        </message>
        <message id="form.household_move.title">
            <source>Household registration move</source>
            <translation>户口迁移申请表</translation>
        </message>
        <message id="form.household_move.sample">
            <source>Fill in the names of everyone who moves, the old and the new address, and the reason for the move.</source>
            <translation>填写随迁人员姓名、迁出地址、迁入地址和迁移原因。</translation>
        </message>
        <message id="finger.left_thumb">
            <source>Left thumb</source>
            <translation>左手拇指</translation>
        </message>
        <message id="finger.right_thumb">
            <source>Right thumb</source>
            <translation>右手拇指</translation>
        </message>
        <message id="finger.left_index">
            <source>Left index finger</source>
            <translation>左手食指</translation>
        </message>
        <message id="finger.right_index">
            <source>Right index finger</source>
            <translation>右手食指</translation>
        </message>
        <message id="progress.place_card">
            <source>Place your ID card on the reader.</source>
            <translation>请将身份证放在读卡区。</translation>
        </message>
        <message id="progress.look_at_camera">
            <source>Look at the camera and blink.</source>
            <translation>请正对摄像头并眨眼。</translation>
        </message>
        <message id="progress.place_finger">
            <source>Place your thumb on the sensor.</source>
            <translation>请将拇指放在采集器上。</translation>
        </message>
        <message id="progress.poor_quality">
            <source>That scan was not clear. Press a little harder and try again.</source>
            <translation>指纹不清晰，请稍用力按压后重试。</translation>
        </message>
        <message id="progress.lift_finger">
            <source>Good. Lift your thumb.</source>
            <translation>采集成功，请抬起拇指。</translation>
        </message>
        <message id="progress.scan_receipt">
            <source>Hold the QR code under the scanner.</source>
            <translation>请将二维码对准扫码口。</translation>
        </message>
        <message id="rating.level.1">
            <source>Very satisfied</source>
            <translation>非常满意</translation>
        </message>
        <message id="rating.level.2">
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message id="rating.level.3">
            <source>Neutral</source>
            <translation>基本满意</translation>
        </message>
        <message id="rating.level.4">
            <source>Dissatisfied</source>
            <translation>不满意</translation>
        </message>
        <message id="rating.level.5">
            <source>Very dissatisfied</source>
            <translation>非常不满意</translation>
        </message>
        <message id="rating.reason.fast">
            <source>Quick</source>
            <translation>办理快捷</translation>
        </message>
        <message id="rating.reason.clear_guidance">
            <source>Clear guidance</source>
            <translation>指引清楚</translation>
        </message>
        <message id="rating.reason.easy">
            <source>Easy to use</source>
            <translation>操作简单</translation>
        </message>
        <message id="rating.reason.slow">
            <source>Too slow</source>
            <translation>等待太久</translation>
        </message>
        <message id="rating.reason.confusing">
            <source>Hard to understand</source>
            <translation>提示不清楚</translation>
        </message>
        <message id="rating.reason.device_fault">
            <source>A device did not work</source>
            <translation>设备故障</translation>
        </message>
        <message id="feedback.matter.service_missing">
            <source>The service I need is not here</source>
            <translation>没有我要办的业务</translation>
        </message>
        <message id="feedback.matter.device_fault">
            <source>A device did not work</source>
            <translation>设备故障</translation>
        </message>
        <message id="feedback.matter.too_complex">
            <source>Too complicated</source>
            <translation>流程太复杂</translation>
        </message>
        <message id="feedback.matter.documents">
            <source>I was missing a document</source>
            <translation>缺少材料</translation>
        </message>
        <message id="feedback.matter.other">
            <source>Something else</source>
            <translation>其他</translation>
        </message>
        <message id="way.retry">
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message id="way.staff_help">
            <source>Print a slip for the staff counter</source>
            <translation>打印凭条到窗口办理</translation>
        </message>
        <message id="way.use_card">
            <source>Use my ID card instead</source>
            <translation>改用身份证</translation>
        </message>
        <message id="way.use_code">
            <source>Scan my receipt instead</source>
            <translation>改为扫描回执</translation>
        </message>
        <message id="way.skip">
            <source>Go on without it</source>
            <translation>跳过此步</translation>
        </message>
        <message id="way.finish">
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message id="notice.staff.title">
            <source>Staff will help you</source>
            <translation>请到窗口办理</translation>
        </message>
        <message id="notice.thanks.title">
            <source>Thank you</source>
            <translation>感谢您的反馈</translation>
        </message>
        <message id="notice.photo_failed">
            <source>No usable photo could be taken. Try again, or get help at the counter.</source>
            <translation>未能拍出合格的照片。请重试，或到窗口求助。</translation>
        </message>
        <message id="notice.face_failed">
            <source>Your face could not be confirmed. Try again, or get help at the counter.</source>
            <translation>人脸核验未通过。请重试，或到窗口求助。</translation>
        </message>
        <message id="notice.fingerprint_failed">
            <source>Your fingerprints could not be taken clearly. Try again, or get help at the counter.</source>
            <translation>未能采集到清晰的指纹。请重试，或到窗口求助。</translation>
        </message>
        <message id="notice.sms_failed">
            <source>The SMS code could not be checked. Try again, or go on without it.</source>
            <translation>短信验证码暂时无法核验。请重试，或跳过此步。</translation>
        </message>
        <message id="notice.pay_failed">
            <source>The payment did not go through. You have not been charged. Try again, or get help at the counter.</source>
            <translation>支付未成功，未扣除费用。请重试，或到窗口求助。</translation>
        </message>
        <message id="notice.submit_failed">
            <source>Your application could not be sent. Your payment is safe. Try again, or get help at the counter.</source>
            <translation>申请暂时无法提交，您的缴费不会丢失。请重试，或到窗口求助。</translation>
        </message>
        <message id="notice.receipt_failed">
            <source>Your application was accepted, but the receipt could not be printed. You can collect with your ID card, or ask the staff to print the receipt.</source>
            <translation>申请已受理，但回执无法打印。领证时可使用身份证，或请工作人员补打回执。</translation>
        </message>
        <message id="notice.staff_slip_printed">
            <source>Please take the slip to the staff counter. Everything you did here is saved.</source>
            <translation>请持凭条到窗口办理，您已办理的内容均已保存。</translation>
        </message>
        <message id="notice.go_to_counter">
            <source>Please go to the staff counter and give them the reference number on the screen.</source>
            <translation>请到窗口办理，并告知工作人员屏幕上的业务流水号。</translation>
        </message>
        <message id="notice.scan_failed">
            <source>This code cannot be used here. Try again, use your ID card, or get help at the counter.</source>
            <translation>该二维码无法使用。请重试、改用身份证，或到窗口求助。</translation>
        </message>
        <message id="notice.card_failed">
            <source>Your ID card could not be read. Try again, scan your receipt, or get help at the counter.</source>
            <translation>身份证无法读取。请重试、改为扫描回执，或到窗口求助。</translation>
        </message>
        <message id="notice.lookup_failed">
            <source>No document waits here for this ID card. Scan your receipt, or get help at the counter.</source>
            <translation>本机没有该身份证待领取的证件。请扫描回执，或到窗口求助。</translation>
        </message>
        <message id="notice.locker_failed">
            <source>The locker door did not open. Try again, or get help at the counter.</source>
            <translation>柜门未能打开。请重试，或到窗口求助。</translation>
        </message>
        <message id="notice.photo_receipt_failed">
            <source>Your photo is saved, but its receipt could not be printed. Please note the photo number on the screen.</source>
            <translation>照片已保存，但回执无法打印。请记下屏幕上的照片回执号。</translation>
        </message>
        <message id="notice.queue_failed">
            <source>No ticket can be issued right now. Try again, or go to the counter.</source>
            <translation>暂时无法取号。请重试，或直接到窗口。</translation>
        </message>
        <message id="notice.ticket_print_failed">
            <source>Your number is taken, but the ticket could not be printed. Please note the number on the screen.</source>
            <translation>已为您取号，但号票无法打印。请记下屏幕上的号码。</translation>
        </message>
        <message id="notice.form_print_failed">
            <source>The form could not be printed. Try again, or ask for a paper form at the counter.</source>
            <translation>表格无法打印。请重试，或到窗口领取纸质表格。</translation>
        </message>
        <message id="notice.thanks">
            <source>Thank you. Your opinion has been recorded.</source>
            <translation>感谢您的评价，我们已记录。</translation>
        </message>
        <message id="print.id_card_receipt">
            <source>ID card application receipt</source>
            <translation>身份证受理回执</translation>
        </message>
        <message id="print.photo_receipt">
            <source>ID photo receipt</source>
            <translation>证件照回执</translation>
        </message>
        <message id="print.queue_ticket">
            <source>Queue ticket</source>
            <translation>排队号票</translation>
        </message>
        <message id="print.staff_slip">
            <source>Slip for the staff counter</source>
            <translation>窗口办理凭条</translation>
        </message>
        <message id="print.form">
            <source>Filled form</source>
            <translation>填写的表格</translation>
        </message>
        <message id="print.pickup_slip">
            <source>Pickup slip</source>
            <translation>取件凭条</translation>
        </message>
        <message id="error.flow.id_number_invalid">
            <source>This ID number is not valid. Please check it.</source>
            <translation>身份证号码有误，请核对。</translation>
        </message>
        <message id="error.flow.name_missing">
            <source>Please enter your name.</source>
            <translation>请输入姓名。</translation>
        </message>
        <message id="error.flow.phone_invalid">
            <source>Please enter an 11-digit mobile number.</source>
            <translation>请输入11位手机号码。</translation>
        </message>
        <message id="error.flow.sms_code_wrong">
            <source>This code is not right. Please check the SMS.</source>
            <translation>验证码不正确，请查看短信。</translation>
        </message>
        <message id="error.flow.field_missing">
            <source>Please fill in every field.</source>
            <translation>请填写所有项目。</translation>
        </message>
        <message id="error.flow.choice_invalid">
            <source>Please choose one of the options.</source>
            <translation>请选择一项。</translation>
        </message>
        <message id="error.flow.rating_invalid">
            <source>Please choose a rating.</source>
            <translation>请选择评价等级。</translation>
        </message>
        <message id="error.flow.card_unreadable">
            <source>The ID card could not be read.</source>
            <translation>身份证无法读取。</translation>
        </message>
        <message id="error.flow.photo_failed">
            <source>No usable photo could be taken.</source>
            <translation>未能拍出合格的照片。</translation>
        </message>
        <message id="error.flow.face_mismatch">
            <source>The face does not match the photo on record.</source>
            <translation>人脸与登记照片不一致。</translation>
        </message>
        <message id="error.flow.face_not_live">
            <source>The live check did not pass. Please look at the camera yourself and blink.</source>
            <translation>活体检测未通过，请本人正对摄像头并眨眼。</translation>
        </message>
        <message id="error.flow.fingerprint_poor">
            <source>The fingerprints were not clear enough.</source>
            <translation>指纹不够清晰。</translation>
        </message>
        <message id="error.flow.payment_declined">
            <source>The payment was declined.</source>
            <translation>支付被拒绝。</translation>
        </message>
        <message id="error.flow.payment_expired">
            <source>The payment was not made in time.</source>
            <translation>支付已超时。</translation>
        </message>
        <message id="error.flow.printer_failed">
            <source>The printer is not working (out of paper or offline).</source>
            <translation>打印机暂时无法使用（缺纸或离线）。</translation>
        </message>
        <message id="error.flow.locker_jammed">
            <source>The locker door is stuck.</source>
            <translation>柜门卡住了。</translation>
        </message>
        <message id="error.flow.locker_unavailable">
            <source>The lockers are not responding.</source>
            <translation>证件柜暂时无法使用。</translation>
        </message>
        <message id="error.flow.network_lost">
            <source>The network is down.</source>
            <translation>网络连接中断。</translation>
        </message>
        <message id="error.flow.device_unavailable">
            <source>A device of this terminal is not working.</source>
            <translation>本机有设备暂时无法使用。</translation>
        </message>
        <message id="error.flow.pickup_forged">
            <source>This code is not valid.</source>
            <translation>该二维码无效。</translation>
        </message>
        <message id="error.flow.pickup_unknown">
            <source>No document waits here for you.</source>
            <translation>本机没有您待领取的证件。</translation>
        </message>
        <message id="error.flow.pickup_used">
            <source>This document has already been collected.</source>
            <translation>该证件已被领取。</translation>
        </message>
        <message id="error.flow.queue_unavailable">
            <source>The queue system is not responding.</source>
            <translation>排队系统暂时无法使用。</translation>
        </message>
    </context>
</TS>
