<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message id="prompt.attract">
        <source>Hello. Touch the screen to start.</source>
        <translation>Hello. Touch the screen to start.</translation>
    </message>
    <message id="attract.touch_to_start">
        <source>Touch the screen to start</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message id="attract.subtitle">
        <source>Open 24 hours, with spoken guidance</source>
        <translation>Open 24 hours, with spoken guidance</translation>
    </message>
    <message id="service.id_card_replace">
        <source>Replace a lost ID card</source>
        <translation>Replace a lost ID card</translation>
    </message>
    <message id="service.queue_ticket">
        <source>Queue ticket</source>
        <translation>Queue ticket</translation>
    </message>
    <message id="service.id_photo">
        <source>ID photo</source>
        <translation>ID photo</translation>
    </message>
    <message id="service.id_card_pickup">
        <source>Collect a document from a locker</source>
        <translation>Collect a document from a locker</translation>
    </message>
    <message id="bar.back">
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message id="bar.cancel">
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message id="bar.home">
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message id="bar.other_language">
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message id="bar.large_text">
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message id="bar.muted">
        <source>Muted</source>
        <translation>Muted</translation>
    </message>
    <message id="bar.voice_on">
        <source>Voice on</source>
        <translation>Voice on</translation>
    </message>
    <message id="prompt.catalogue">
        <source>Please choose a service. You can also search for one.</source>
        <translation>Please choose a service. You can also search for one.</translation>
    </message>
    <message id="catalogue.title">
        <source>Choose a service</source>
        <translation>Choose a service</translation>
    </message>
    <message id="catalogue.search">
        <source>Search, for example: ID card</source>
        <translation>Search, for example: ID card</translation>
    </message>
    <message id="catalogue.no_match">
        <source>No service matches. Try another word, or clear the search.</source>
        <translation>No service matches. Try another word, or clear the search.</translation>
    </message>
    <message id="dept.public_security">
        <source>Public security</source>
        <translation>Public security</translation>
    </message>
    <message id="dept.social_security">
        <source>Social security and medical insurance</source>
        <translation>Social security and medical insurance</translation>
    </message>
    <message id="dept.general">
        <source>General services</source>
        <translation>General services</translation>
    </message>
    <message id="service.social_security_query">
        <source>Social security records</source>
        <translation>Social security records</translation>
    </message>
    <message id="service.medical_insurance_query">
        <source>Medical insurance balance</source>
        <translation>Medical insurance balance</translation>
    </message>
    <message id="service.form_help">
        <source>Help with a form</source>
        <translation>Help with a form</translation>
    </message>
    <message id="prompt.idle">
        <source>Are you still there? To continue, touch: I am here, continue.</source>
        <translation>Are you still there? To continue, touch: I am here, continue.</translation>
    </message>
    <message id="idle.title">
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message id="idle.body" numerus="yes">
        <source>In %n second(s) this session ends and everything you entered on this terminal is erased.</source>
        <translation>
            <numerusform>In %n second this session ends and everything you entered on this terminal is erased.</numerusform>
            <numerusform>In %n seconds this session ends and everything you entered on this terminal is erased.</numerusform>
        </translation>
    </message>
    <message id="idle.continue">
        <source>I am here, continue</source>
        <translation>I am here, continue</translation>
    </message>
    <message id="idle.end">
        <source>End now and erase</source>
        <translation>End now and erase</translation>
    </message>
    <message id="net.online">
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message id="net.offline">
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message id="net.waiting" numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n record waiting to be sent</numerusform>
            <numerusform>%n records waiting to be sent</numerusform>
        </translation>
    </message>
    <message id="prompt.offline_service">
        <source>This service needs the network, which is down. Please go to a staffed counter, or try again later.</source>
        <translation>This service needs the network, which is down. Please go to a staffed counter, or try again later.</translation>
    </message>
    <message id="notice.offline.title">
        <source>The network is down</source>
        <translation>The network is down</translation>
    </message>
    <message id="notice.offline.body">
        <source>This service needs the network. Please go to a staffed counter, or try again later. Services that work offline are still open.</source>
        <translation>This service needs the network. Please go to a staffed counter, or try again later. Services that work offline are still open.</translation>
    </message>
    <message id="notice.ok">
        <source>OK, back to the services</source>
        <translation>OK, back to the services</translation>
    </message>
    <message id="prompt.service_not_open">
        <source>Self-service for this is not yet open on this terminal. Please go to a staffed counter, or choose another service.</source>
        <translation>Self-service for this is not yet open on this terminal. Please go to a staffed counter, or choose another service.</translation>
    </message>
    <message id="service.not_open">
        <source>Self-service for this is not yet open on this terminal.</source>
        <translation>Self-service for this is not yet open on this terminal.</translation>
    </message>
    <message id="service.go_elsewhere">
        <source>Please go to a staffed counter during opening hours, or choose another service.</source>
        <translation>Please go to a staffed counter during opening hours, or choose another service.</translation>
    </message>
    <message id="service.choose_another">
        <source>Choose another service</source>
        <translation>Choose another service</translation>
    </message>
    <message id="catalogue.fee">
        <source>Fee: ¥%1</source>
        <translation>Fee: ¥%1</translation>
    </message>
    <message id="catalogue.free">
        <source>Free of charge</source>
        <translation>Free of charge</translation>
    </message>
    <message id="catalogue.unavailable_offline">
        <source>Needs the network, which is down</source>
        <translation>Needs the network, which is down</translation>
    </message>
    <message id="flow.step_of">
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message id="flow.sms_sent_to">
        <source>A code was sent to %1.</source>
        <translation>A code was sent to %1.</translation>
    </message>
    <message id="flow.optional">
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
    <message id="flow.next">
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message id="flow.previous">
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message id="flow.done">
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message id="flow.amount">
        <source>Amount: ¥%1</source>
        <translation>Amount: ¥%1</translation>
    </message>
    <message id="flow.payment_preparing">
        <source>Preparing the payment…</source>
        <translation>Preparing the payment…</translation>
    </message>
    <message id="flow.payment_how">
        <source>Scan the code with your phone&apos;s payment app, or hold your payment code under the scanner.</source>
        <translation>Scan the code with your phone&apos;s payment app, or hold your payment code under the scanner.</translation>
    </message>
    <message id="flow.payment_waiting">
        <source>Waiting for the payment to be confirmed</source>
        <translation>Waiting for the payment to be confirmed</translation>
    </message>
    <message id="flow.rating_reasons">
        <source>What was it about? (choose any)</source>
        <translation>What was it about? (choose any)</translation>
    </message>
    <message id="flow.send">
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message id="flow.confirm">
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message id="flow.door">
        <source>Door %1</source>
        <translation>Door %1</translation>
    </message>
</context>
</TS>
