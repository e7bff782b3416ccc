<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name />
        <message id="service.id_card_replace">
            <source>Replace a lost ID card</source>
            <translation>Replace a lost ID card</translation>
        </message>
        <message id="service.id_card_pickup">
            <source>Collect a document from a locker</source>
            <translation>Collect a document from a locker</translation>
        </message>
        <message id="service.id_photo">
            <source>ID photo</source>
            <translation>ID photo</translation>
        </message>
        <message id="service.queue_ticket">
            <source>Queue ticket</source>
            <translation>Queue ticket</translation>
        </message>
        <message id="service.forms">
            <source>Sample forms and form filling</source>
            <translation>Sample forms and form filling</translation>
        </message>
        <message id="service.rating">
            <source>Rate our service</source>
            <translation>Rate our service</translation>
        </message>
        <message id="prompt.service.id_card_replace">
            <source>Let us replace your ID card. Please follow the steps on the screen.</source>
            <translation>Let us replace your ID card. Please follow the steps on the screen.</translation>
        </message>
        <message id="prompt.service.id_card_pickup">
            <source>Let us collect your document. Please scan your receipt or use your ID card.</source>
            <translation>Let us collect your document. Please scan your receipt or use your ID card.</translation>
        </message>
        <message id="prompt.service.id_photo">
            <source>Let us take your ID photo. Please look at the camera.</source>
            <translation>Let us take your ID photo. Please look at the camera.</translation>
        </message>
        <message id="prompt.service.queue_ticket">
            <source>Please choose the department and the matter for your ticket.</source>
            <translation>Please choose the department and the matter for your ticket.</translation>
        </message>
        <message id="prompt.service.forms">
            <source>You can look at sample forms, or fill in a form and print it.</source>
            <translation>You can look at sample forms, or fill in a form and print it.</translation>
        </message>
        <message id="prompt.service.rating">
            <source>Please tell us how we did.</source>
            <translation>Please tell us how we did.</translation>
        </message>
        <message id="offline.id_card_replace">
            <source>The network is down: please go to the counter in the hall, or come back later.</source>
            <translation>The network is down: please go to the counter in the hall, or come back later.</translation>
        </message>
        <message id="step.identity_entry.title">
            <source>Your ID number and name</source>
            <translation>Your ID number and name</translation>
        </message>
        <message id="step.identity_entry.prompt">
            <source>Please enter your ID number and your name.</source>
            <translation>Please enter your ID number and your name.</translation>
        </message>
        <message id="step.read_id_card.title">
            <source>Place your ID card</source>
            <translation>Place your ID card</translation>
        </message>
        <message id="step.read_id_card.prompt">
            <source>Please place your ID card on the reader.</source>
            <translation>Please place your ID card on the reader.</translation>
        </message>
        <message id="step.photo_capture.title">
            <source>Take a photo</source>
            <translation>Take a photo</translation>
        </message>
        <message id="step.photo_capture.prompt">
            <source>Please look at the camera and follow the instructions.</source>
            <translation>Please look at the camera and follow the instructions.</translation>
        </message>
        <message id="step.face_verify.title">
            <source>Face check</source>
            <translation>Face check</translation>
        </message>
        <message id="step.face_verify.prompt">
            <source>Please look at the camera and blink.</source>
            <translation>Please look at the camera and blink.</translation>
        </message>
        <message id="step.fingerprint_capture.title">
            <source>Fingerprints</source>
            <translation>Fingerprints</translation>
        </message>
        <message id="step.fingerprint_capture.prompt">
            <source>Please place your thumb on the sensor when asked.</source>
            <translation>Please place your thumb on the sensor when asked.</translation>
        </message>
        <message id="step.phone_entry.title">
            <source>Your phone number</source>
            <translation>Your phone number</translation>
        </message>
        <message id="step.phone_entry.prompt">
            <source>Please enter your mobile phone number.</source>
            <translation>Please enter your mobile phone number.</translation>
        </message>
        <message id="step.sms_code.title">
            <source>SMS code</source>
            <translation>SMS code</translation>
        </message>
        <message id="step.sms_code.prompt">
            <source>Please enter the code we sent to your phone.</source>
            <translation>Please enter the code we sent to your phone.</translation>
        </message>
        <message id="step.address_entry.title">
            <source>Postal address</source>
            <translation>Postal address</translation>
        </message>
        <message id="step.address_entry.prompt">
            <source>Please enter the address to send your card to.</source>
            <translation>Please enter the address to send your card to.</translation>
        </message>
        <message id="step.summary.title">
            <source>Please check</source>
            <translation>Please check</translation>
        </message>
        <message id="step.summary.prompt">
            <source>Please check the details. Touch Confirm if they are right.</source>
            <translation>Please check the details. Touch Confirm if they are right.</translation>
        </message>
        <message id="step.payment.title">
            <source>Pay the fee</source>
            <translation>Pay the fee</translation>
        </message>
        <message id="step.payment.prompt">
            <source>Please scan the QR code with your payment app, or show your payment code to the scanner.</source>
            <translation>Please scan the QR code with your payment app, or show your payment code to the scanner.</translation>
        </message>
        <message id="step.submit_application.title">
            <source>Sending your application</source>
            <translation>Sending your application</translation>
        </message>
        <message id="step.submit_application.prompt">
            <source>Please wait while we send your application.</source>
            <translation>Please wait while we send your application.</translation>
        </message>
        <message id="step.print.title">
            <source>Printing</source>
            <translation>Printing</translation>
        </message>
        <message id="step.print.prompt">
            <source>Please take your printout.</source>
            <translation>Please take your printout.</translation>
        </message>
        <message id="step.pickup_lookup.title">
            <source>Scan your receipt</source>
            <translation>Scan your receipt</translation>
        </message>
        <message id="step.pickup_lookup.prompt">
            <source>Please hold the QR code on your receipt under the scanner.</source>
            <translation>Please hold the QR code on your receipt under the scanner.</translation>
        </message>
        <message id="step.locker_pickup.title">
            <source>Take your document</source>
            <translation>Take your document</translation>
        </message>
        <message id="step.locker_pickup.prompt">
            <source>The door is open. Please take your document and shut the door.</source>
            <translation>The door is open. Please take your document and shut the door.</translation>
        </message>
        <message id="step.take_ticket.title">
            <source>Taking your ticket</source>
            <translation>Taking your ticket</translation>
        </message>
        <message id="step.take_ticket.prompt">
            <source>Please wait a moment.</source>
            <translation>Please wait a moment.</translation>
        </message>
        <message id="step.record.title">
            <source>Saving</source>
            <translation>Saving</translation>
        </message>
        <message id="step.record.prompt">
            <source>Please wait a moment.</source>
            <translation>Please wait a moment.</translation>
        </message>
        <message id="step.rating.title">
            <source>How did we do?</source>
            <translation>How did we do?</translation>
        </message>
        <message id="step.rating.prompt">
            <source>Please rate this service.</source>
            <translation>Please rate this service.</translation>
        </message>
        <message id="step.feedback.title">
            <source>Could not get it done</source>
            <translation>Could not get it done</translation>
        </message>
        <message id="step.feedback.prompt">
            <source>Please tell us what you could not get done. Leaving a phone number is optional.</source>
            <translation>Please tell us what you could not get done. Leaving a phone number is optional.</translation>
        </message>
        <message id="step.info_pages.title">
            <source>Sample forms</source>
            <translation>Sample forms</translation>
        </message>
        <message id="step.info_pages.prompt">
            <source>Touch a form to see how to fill it in.</source>
            <translation>Touch a form to see how to fill it in.</translation>
        </message>
        <message id="step.form_fill.title">
            <source>Fill in the form</source>
            <translation>Fill in the form</translation>
        </message>
        <message id="step.form_fill.prompt">
            <source>Please fill in each field. The form is printed at the end.</source>
            <translation>Please fill in each field. The form is printed at the end.</translation>
        </message>
        <message id="step.notice.title">
            <source>Something went wrong</source>
            <translation>Something went wrong</translation>
        </message>
        <message id="step.notice.prompt">
            <source>Please read what happened and choose how to go on.</source>
            <translation>Please read what happened and choose how to go on.</translation>
        </message>
        <message id="replace.reason.title">
            <source>Why do you need a new card?</source>
            <translation>Why do you need a new card?</translation>
        </message>
        <message id="replace.reason.prompt">
            <source>Please tell us why you need a new ID card.</source>
            <translation>Please tell us why you need a new ID card.</translation>
        </message>
        <message id="replace.pickup.title">
            <source>How will you get your new card?</source>
            <translation>How will you get your new card?</translation>
        </message>
        <message id="replace.pickup.prompt">
            <source>Collect it from the locker here, or have it sent by post.</source>
            <translation>Collect it from the locker here, or have it sent by post.</translation>
        </message>
        <message id="pickup.how.title">
            <source>How do you want to collect?</source>
            <translation>How do you want to collect?</translation>
        </message>
        <message id="pickup.how.prompt">
            <source>Scan the QR code on your receipt, or use your ID card.</source>
            <translation>Scan the QR code on your receipt, or use your ID card.</translation>
        </message>
        <message id="photo.review.title">
            <source>Your photo</source>
            <translation>Your photo</translation>
        </message>
        <message id="photo.review.prompt">
            <source>Use this photo, or take another one?</source>
            <translation>Use this photo, or take another one?</translation>
        </message>
        <message id="queue.department.title">
            <source>Which department?</source>
            <translation>Which department?</translation>
        </message>
        <message id="queue.department.prompt">
            <source>Please choose the department you need.</source>
            <translation>Please choose the department you need.</translation>
        </message>
        <message id="queue.matter.title">
            <source>What do you need?</source>
            <translation>What do you need?</translation>
        </message>
        <message id="queue.matter.prompt">
            <source>Please choose the matter.</source>
            <translation>Please choose the matter.</translation>
        </message>
        <message id="forms.mode.title">
            <source>Sample forms or fill in a form?</source>
            <translation>Sample forms or fill in a form?</translation>
        </message>
        <message id="forms.mode.prompt">
            <source>Look at sample forms, or fill in a form here and print it.</source>
            <translation>Look at sample forms, or fill in a form here and print it.</translation>
        </message>
        <message id="forms.which.title">
            <source>Which form?</source>
            <translation>Which form?</translation>
        </message>
        <message id="forms.which.prompt">
            <source>Please choose the form to fill in.</source>
            <translation>Please choose the form to fill in.</translation>
        </message>
        <message id="opinion.what.title">
            <source>Rate, or tell us what went wrong</source>
            <translation>Rate, or tell us what went wrong</translation>
        </message>
        <message id="opinion.what.prompt">
            <source>Rate our service, or tell us what you could not get done.</source>
            <translation>Rate our service, or tell us what you could not get done.</translation>
        </message>
        <message id="choice.reason.lost">
            <source>Lost</source>
            <translation>Lost</translation>
        </message>
        <message id="choice.reason.damaged">
            <source>Damaged</source>
            <translation>Damaged</translation>
        </message>
        <message id="choice.reason.expired">
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message id="choice.pickup.locker">
            <source>Collect from the locker here</source>
            <translation>Collect from the locker here</translation>
        </message>
        <message id="choice.pickup.post">
            <source>Send by post</source>
            <translation>Send by post</translation>
        </message>
        <message id="choice.pickup_by.code">
            <source>Scan my receipt</source>
            <translation>Scan my receipt</translation>
        </message>
        <message id="choice.pickup_by.id_card">
            <source>Use my ID card</source>
            <translation>Use my ID card</translation>
        </message>
        <message id="choice.photo_choice.use">
            <source>Use this photo</source>
            <translation>Use this photo</translation>
        </message>
        <message id="choice.photo_choice.retake">
            <source>Take another</source>
            <translation>Take another</translation>
        </message>
        <message id="choice.department.public_security">
            <source>Public security</source>
            <translation>Public security</translation>
        </message>
        <message id="choice.department.social_security">
            <source>Social security</source>
            <translation>Social security</translation>
        </message>
        <message id="choice.department.civil_affairs">
            <source>Civil affairs</source>
            <translation>Civil affairs</translation>
        </message>
        <message id="choice.department.tax">
            <source>Tax</source>
            <translation>Tax</translation>
        </message>
        <message id="choice.matter.apply">
            <source>Apply for something</source>
            <translation>Apply for something</translation>
        </message>
        <message id="choice.matter.collect">
            <source>Collect a document</source>
            <translation>Collect a document</translation>
        </message>
        <message id="choice.matter.enquire">
            <source>Ask a question</source>
            <translation>Ask a question</translation>
        </message>
        <message id="choice.matter.other">
            <source>Something else</source>
            <translation>Something else</translation>
        </message>
        <message id="choice.form_mode.samples">
            <source>Sample forms</source>
            <translation>Sample forms</translation>
        </message>
        <message id="choice.form_mode.fill">
            <source>Fill in a form</source>
            <translation>Fill in a form</translation>
        </message>
        <message id="choice.form_choice.id_card_application">
            <source>ID card application</source>
            <translation>ID card application</translation>
        </message>
        <message id="choice.form_choice.social_security_card">
            <source>Social security card application</source>
            <translation>Social security card application</translation>
        </message>
        <message id="choice.opinion.rate">
            <source>Rate our service</source>
            <translation>Rate our service</translation>
        </message>
        <message id="choice.opinion.not_done">
            <source>I could not get it done</source>
            <translation>I could not get it done</translation>
        </message>
        <message id="field.id_number">
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message id="field.name">
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message id="field.phone">
            <source>Mobile phone</source>
            <translation>Mobile phone</translation>
        </message>
        <message id="field.sms_code">
            <source>SMS code</source>
            <translation>SMS code</translation>
        </message>
        <message id="field.address">
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message id="field.reason">
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message id="field.pickup">
            <source>How to get it</source>
            <translation>How to get it</translation>
        </message>
        <message id="field.photo">
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message id="field.fingerprints">
            <source>Fingerprints</source>
            <translation>Fingerprints</translation>
        </message>
        <message id="field.fee_fen">
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message id="field.paid_fen">
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message id="field.application_no">
            <source>Application number</source>
            <translation>Application number</translation>
        </message>
        <message id="field.session_ref">
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message id="field.last_error">
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message id="field.ticket_no">
            <source>Your number</source>
            <translation>Your number</translation>
        </message>
        <message id="field.waiting">
            <source>People before you</source>
            <translation>People before you</translation>
        </message>
        <message id="field.department">
            <source>Department</source>
            <translation>Department</translation>
        </message>
        <message id="field.matter">
            <source>Matter</source>
            <translation>Matter</translation>
        </message>
        <message id="field.receipt_no">
            <source>Photo number</source>
            <translation>Photo number</translation>
        </message>
        <message id="field.door">
            <source>Door</source>
            <translation>Door</translation>
        </message>
        <message id="field.feedback_text">
            <source>What happened (optional)</source>
            <translation>What happened (optional)</translation>
        </message>
        <message id="field.contact_phone">
            <source>Phone for a call back (optional)</source>
            <translation>Phone for a call back (optional)</translation>
        </message>
        <message id="form.id_card_application.title">
            <source>Resident ID card application</source>
            <translation>Resident ID card application</translation>
        </message>
        <message id="form.id_card_application.sample">
            <source>Fill in your name as on the household register, your date of birth as YYYY-MM-DD, your registered address and a mobile number.</source>
            <translation>Fill in your name as on the household register, your date of birth as YYYY-MM-DD, your registered address and a mobile number.</translation>
        </message>
        <message id="form.id_card_application.name">
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message id="form.id_card_application.birth_date">
            <source>Date of birth</source>
            <translation>Date of birth</translation>
        </message>
        <message id="form.id_card_application.address">
            <source>Registered address</source>
            <translation>Registered address</translation>
        </message>
        <message id="form.id_card_application.phone">
            <source>Mobile phone</source>
            <translation>Mobile phone</translation>
        </message>
        <message id="form.social_security_card.title">
            <source>Social security card application</source>
            <translation>Social security card application</translation>
        </message>
        <message id="form.social_security_card.sample">
            <source>Fill in your name, your employer (or 'none'), your address and a mobile number.</source>
            <translation>Fill in your name, your employer (or 'none'), your address and a mobile number.</translation>
        </message>
        <message id="form.social_security_card.name">
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message id="form.social_security_card.employer">
            <source>Employer</source>
            <translation>Employer</translation>
        </message>
        <message id="form.social_security_card.address">
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message id="form.social_security_card.phone">
            <source>Mobile phone</source>
            <translation>Mobile phone</translation>
        </message>
        <message id="form.household_move.title">
            <source>Household registration move</source>
            <translation>Household registration move</translation>
        </message>
        <message id="form.household_move.sample">
            <source>Fill in the names of everyone who moves, the old and the new address, and the reason for the move.</source>
            <translation>Fill in the names of everyone who moves, the old and the new address, and the reason for the move.</translation>
        </message>
        <message id="finger.left_thumb">
            <source>Left thumb</source>
            <translation>Left thumb</translation>
        </message>
        <message id="finger.right_thumb">
            <source>Right thumb</source>
            <translation>Right thumb</translation>
        </message>
        <message id="finger.left_index">
            <source>Left index finger</source>
            <translation>Left index finger</translation>
        </message>
        <message id="finger.right_index">
            <source>Right index finger</source>
            <translation>Right index finger</translation>
        </message>
        <message id="progress.place_card">
            <source>Place your ID card on the reader.</source>
            <translation>Place your ID card on the reader.</translation>
        </message>
        <message id="progress.look_at_camera">
            <source>Look at the camera and blink.</source>
            <translation>Look at the camera and blink.</translation>
        </message>
        <message id="progress.place_finger">
            <source>Place your thumb on the sensor.</source>
            <translation>Place your thumb on the sensor.</translation>
        </message>
        <message id="progress.poor_quality">
            <source>That scan was not clear. Press a little harder and try again.</source>
            <translation>That scan was not clear. Press a little harder and try again.</translation>
        </message>
        <message id="progress.lift_finger">
            <source>Good. Lift your thumb.</source>
            <translation>Good. Lift your thumb.</translation>
        </message>
        <message id="progress.scan_receipt">
            <source>Hold the QR code under the scanner.</source>
            <translation>Hold the QR code under the scanner.</translation>
        </message>
        <message id="rating.level.1">
            <source>Very satisfied</source>
            <translation>Very satisfied</translation>
        </message>
        <message id="rating.level.2">
            <source>Satisfied</source>
            <translation>Satisfied</translation>
        </message>
        <message id="rating.level.3">
            <source>Neutral</source>
            <translation>Neutral</translation>
        </message>
        <message id="rating.level.4">
            <source>Dissatisfied</source>
            <translation>Dissatisfied</translation>
        </message>
        <message id="rating.level.5">
            <source>Very dissatisfied</source>
            <translation>Very dissatisfied</translation>
        </message>
        <message id="rating.reason.fast">
            <source>Quick</source>
            <translation>Quick</translation>
        </message>
        <message id="rating.reason.clear_guidance">
            <source>Clear guidance</source>
            <translation>Clear guidance</translation>
        </message>
        <message id="rating.reason.easy">
            <source>Easy to use</source>
            <translation>Easy to use</translation>
        </message>
        <message id="rating.reason.slow">
            <source>Too slow</source>
            <translation>Too slow</translation>
        </message>
        <message id="rating.reason.confusing">
            <source>Hard to understand</source>
            <translation>Hard to understand</translation>
        </message>
        <message id="rating.reason.device_fault">
            <source>A device did not work</source>
            <translation>A device did not work</translation>
        </message>
        <message id="feedback.matter.service_missing">
            <source>The service I need is not here</source>
            <translation>The service I need is not here</translation>
        </message>
        <message id="feedback.matter.device_fault">
            <source>A device did not work</source>
            <translation>A device did not work</translation>
        </message>
        <message id="feedback.matter.too_complex">
            <source>Too complicated</source>
            <translation>Too complicated</translation>
        </message>
        <message id="feedback.matter.documents">
            <source>I was missing a document</source>
            <translation>I was missing a document</translation>
        </message>
        <message id="feedback.matter.other">
            <source>Something else</source>
            <translation>Something else</translation>
        </message>
        <message id="way.retry">
            <source>Try again</source>
            <translation>Try again</translation>
        </message>
        <message id="way.staff_help">
            <source>Print a slip for the staff counter</source>
            <translation>Print a slip for the staff counter</translation>
        </message>
        <message id="way.use_card">
            <source>Use my ID card instead</source>
            <translation>Use my ID card instead</translation>
        </message>
        <message id="way.use_code">
            <source>Scan my receipt instead</source>
            <translation>Scan my receipt instead</translation>
        </message>
        <message id="way.skip">
            <source>Go on without it</source>
            <translation>Go on without it</translation>
        </message>
        <message id="way.finish">
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message id="notice.staff.title">
            <source>Staff will help you</source>
            <translation>Staff will help you</translation>
        </message>
        <message id="notice.thanks.title">
            <source>Thank you</source>
            <translation>Thank you</translation>
        </message>
        <message id="notice.photo_failed">
            <source>No usable photo could be taken. Try again, or get help at the counter.</source>
            <translation>No usable photo could be taken. Try again, or get help at the counter.</translation>
        </message>
        <message id="notice.face_failed">
            <source>Your face could not be confirmed. Try again, or get help at the counter.</source>
            <translation>Your face could not be confirmed. Try again, or get help at the counter.</translation>
        </message>
        <message id="notice.fingerprint_failed">
            <source>Your fingerprints could not be taken clearly. Try again, or get help at the counter.</source>
            <translation>Your fingerprints could not be taken clearly. Try again, or get help at the counter.</translation>
        </message>
        <message id="notice.sms_failed">
            <source>The SMS code could not be checked. Try again, or go on without it.</source>
            <translation>The SMS code could not be checked. Try again, or go on without it.</translation>
        </message>
        <message id="notice.pay_failed">
            <source>The payment did not go through. You have not been charged. Try again, or get help at the counter.</source>
            <translation>The payment did not go through. You have not been charged. Try again, or get help at the counter.</translation>
        </message>
        <message id="notice.submit_failed">
            <source>Your application could not be sent. Your payment is safe. Try again, or get help at the counter.</source>
            <translation>Your application could not be sent. Your payment is safe. Try again, or get help at the counter.</translation>
        </message>
        <message id="notice.receipt_failed">
            <source>Your application was accepted, but the receipt could not be printed. You can collect with your ID card, or ask the staff to print the receipt.</source>
            <translation>Your application was accepted, but the receipt could not be printed. You can collect with your ID card, or ask the staff to print the receipt.</translation>
        </message>
        <message id="notice.staff_slip_printed">
            <source>Please take the slip to the staff counter. Everything you did here is saved.</source>
            <translation>Please take the slip to the staff counter. Everything you did here is saved.</translation>
        </message>
        <message id="notice.go_to_counter">
            <source>Please go to the staff counter and give them the reference number on the screen.</source>
            <translation>Please go to the staff counter and give them the reference number on the screen.</translation>
        </message>
        <message id="notice.scan_failed">
            <source>This code cannot be used here. Try again, use your ID card, or get help at the counter.</source>
            <translation>This code cannot be used here. Try again, use your ID card, or get help at the counter.</translation>
        </message>
        <message id="notice.card_failed">
            <source>Your ID card could not be read. Try again, scan your receipt, or get help at the counter.</source>
            <translation>Your ID card could not be read. Try again, scan your receipt, or get help at the counter.</translation>
        </message>
        <message id="notice.lookup_failed">
            <source>No document waits here for this ID card. Scan your receipt, or get help at the counter.</source>
            <translation>No document waits here for this ID card. Scan your receipt, or get help at the counter.</translation>
        </message>
        <message id="notice.locker_failed">
            <source>The locker door did not open. Try again, or get help at the counter.</source>
            <translation>The locker door did not open. Try again, or get help at the counter.</translation>
        </message>
        <message id="notice.photo_receipt_failed">
            <source>Your photo is saved, but its receipt could not be printed. Please note the photo number on the screen.</source>
            <translation>Your photo is saved, but its receipt could not be printed. Please note the photo number on the screen.</translation>
        </message>
        <message id="notice.queue_failed">
            <source>No ticket can be issued right now. Try again, or go to the counter.</source>
            <translation>No ticket can be issued right now. Try again, or go to the counter.</translation>
        </message>
        <message id="notice.ticket_print_failed">
            <source>Your number is taken, but the ticket could not be printed. Please note the number on the screen.</source>
            <translation>Your number is taken, but the ticket could not be printed. Please note the number on the screen.</translation>
        </message>
        <message id="notice.form_print_failed">
            <source>The form could not be printed. Try again, or ask for a paper form at the counter.</source>
            <translation>The form could not be printed. Try again, or ask for a paper form at the counter.</translation>
        </message>
        <message id="notice.thanks">
            <source>Thank you. Your opinion has been recorded.</source>
            <translation>Thank you. Your opinion has been recorded.</translation>
        </message>
        <message id="print.id_card_receipt">
            <source>ID card application receipt</source>
            <translation>ID card application receipt</translation>
        </message>
        <message id="print.photo_receipt">
            <source>ID photo receipt</source>
            <translation>ID photo receipt</translation>
        </message>
        <message id="print.queue_ticket">
            <source>Queue ticket</source>
            <translation>Queue ticket</translation>
        </message>
        <message id="print.staff_slip">
            <source>Slip for the staff counter</source>
            <translation>Slip for the staff counter</translation>
        </message>
        <message id="print.form">
            <source>Filled form</source>
            <translation>Filled form</translation>
        </message>
        <message id="print.pickup_slip">
            <source>Pickup slip</source>
            <translation>Pickup slip</translation>
        </message>
        <message id="error.flow.id_number_invalid">
            <source>This ID number is not valid. Please check it.</source>
            <translation>This ID number is not valid. Please check it.</translation>
        </message>
        <message id="error.flow.name_missing">
            <source>Please enter your name.</source>
            <translation>Please enter your name.</translation>
        </message>
        <message id="error.flow.phone_invalid">
            <source>Please enter an 11-digit mobile number.</source>
            <translation>Please enter an 11-digit mobile number.</translation>
        </message>
        <message id="error.flow.sms_code_wrong">
            <source>This code is not right. Please check the SMS.</source>
            <translation>This code is not right. Please check the SMS.</translation>
        </message>
        <message id="error.flow.field_missing">
            <source>Please fill in every field.</source>
            <translation>Please fill in every field.</translation>
        </message>
        <message id="error.flow.choice_invalid">
            <source>Please choose one of the options.</source>
            <translation>Please choose one of the options.</translation>
        </message>
        <message id="error.flow.rating_invalid">
            <source>Please choose a rating.</source>
            <translation>Please choose a rating.</translation>
        </message>
        <message id="error.flow.card_unreadable">
            <source>The ID card could not be read.</source>
            <translation>The ID card could not be read.</translation>
        </message>
        <message id="error.flow.photo_failed">
            <source>No usable photo could be taken.</source>
            <translation>No usable photo could be taken.</translation>
        </message>
        <message id="error.flow.face_mismatch">
            <source>The face does not match the photo on record.</source>
            <translation>The face does not match the photo on record.</translation>
        </message>
        <message id="error.flow.face_not_live">
            <source>The live check did not pass. Please look at the camera yourself and blink.</source>
            <translation>The live check did not pass. Please look at the camera yourself and blink.</translation>
        </message>
        <message id="error.flow.fingerprint_poor">
            <source>The fingerprints were not clear enough.</source>
            <translation>The fingerprints were not clear enough.</translation>
        </message>
        <message id="error.flow.payment_declined">
            <source>The payment was declined.</source>
            <translation>The payment was declined.</translation>
        </message>
        <message id="error.flow.payment_expired">
            <source>The payment was not made in time.</source>
            <translation>The payment was not made in time.</translation>
        </message>
        <message id="error.flow.printer_failed">
            <source>The printer is not working (out of paper or offline).</source>
            <translation>The printer is not working (out of paper or offline).</translation>
        </message>
        <message id="error.flow.locker_jammed">
            <source>The locker door is stuck.</source>
            <translation>The locker door is stuck.</translation>
        </message>
        <message id="error.flow.locker_unavailable">
            <source>The lockers are not responding.</source>
            <translation>The lockers are not responding.</translation>
        </message>
        <message id="error.flow.network_lost">
            <source>The network is down.</source>
            <translation>The network is down.</translation>
        </message>
        <message id="error.flow.device_unavailable">
            <source>A device of this terminal is not working.</source>
            <translation>A device of this terminal is not working.</translation>
        </message>
        <message id="error.flow.pickup_forged">
            <source>This code is not valid.</source>
            <translation>This code is not valid.</translation>
        </message>
        <message id="error.flow.pickup_unknown">
            <source>No document waits here for you.</source>
            <translation>No document waits here for you.</translation>
        </message>
        <message id="error.flow.pickup_used">
            <source>This document has already been collected.</source>
            <translation>This document has already been collected.</translation>
        </message>
        <message id="error.flow.queue_unavailable">
            <source>The queue system is not responding.</source>
            <translation>The queue system is not responding.</translation>
        </message>
    </context>
</TS>
