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
    <message id="field.printed_at">
        <source>Printed at</source>
        <translation>Printed at</translation>
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
    <message id="camera.no_face">
        <source>Please stand in front of the camera</source>
        <translation>Please stand in front of the camera</translation>
    </message>
    <message id="camera.one_person_only">
        <source>One person at a time, please</source>
        <translation>One person at a time, please</translation>
    </message>
    <message id="camera.move_closer">
        <source>Move a little closer</source>
        <translation>Move a little closer</translation>
    </message>
    <message id="camera.move_back">
        <source>Move back a little</source>
        <translation>Move back a little</translation>
    </message>
    <message id="camera.move_to_center">
        <source>Move to the middle of the picture</source>
        <translation>Move to the middle of the picture</translation>
    </message>
    <message id="camera.look_straight">
        <source>Look straight at the camera</source>
        <translation>Look straight at the camera</translation>
    </message>
    <message id="camera.open_eyes">
        <source>Keep your eyes open</source>
        <translation>Keep your eyes open</translation>
    </message>
    <message id="camera.too_dark">
        <source>It is too dark; step closer to the light</source>
        <translation>It is too dark; step closer to the light</translation>
    </message>
    <message id="camera.too_bright">
        <source>Too bright; step out of the glare</source>
        <translation>Too bright; step out of the glare</translation>
    </message>
    <message id="camera.uneven_light">
        <source>The light on your face is uneven</source>
        <translation>The light on your face is uneven</translation>
    </message>
    <message id="camera.plain_background">
        <source>Stand in front of the plain background</source>
        <translation>Stand in front of the plain background</translation>
    </message>
    <message id="camera.hold_still">
        <source>Hold still</source>
        <translation>Hold still</translation>
    </message>
    <message id="camera.blink">
        <source>Blink slowly, please</source>
        <translation>Blink slowly, please</translation>
    </message>
    <message id="flow.door">
        <source>Door %1</source>
        <translation>Door %1</translation>
    </message>
    <message id="flow.finger_scan">
        <source>%1: press %2 of %3</source>
        <translation>%1: press %2 of %3</translation>
    </message>
    <message id="maintenance.state.ready">
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message id="maintenance.state.busy">
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message id="maintenance.state.user_action">
        <source>Waiting for the user</source>
        <translation>Waiting for the user</translation>
    </message>
    <message id="maintenance.state.disconnected">
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message id="maintenance.state.hardware_error">
        <source>Hardware fault</source>
        <translation>Hardware fault</translation>
    </message>
    <message id="maintenance.state.maintenance">
        <source>Needs a technician</source>
        <translation>Needs a technician</translation>
    </message>
    <message id="maintenance.state.none">
        <source>Not driven by this version</source>
        <translation>Not driven by this version</translation>
    </message>
    <message id="maintenance.port">
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message id="maintenance.identity">
        <source>Model / firmware / serial</source>
        <translation>Model / firmware / serial</translation>
    </message>
    <message id="maintenance.since">
        <source>State changed</source>
        <translation>State changed</translation>
    </message>
    <message id="maintenance.ago">
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message id="maintenance.self_test">
        <source>Self-test</source>
        <translation>Self-test</translation>
    </message>
    <message id="maintenance.open_door">
        <source>Open door %1</source>
        <translation>Open door %1</translation>
    </message>
    <message id="maintenance.open_all">
        <source>Open every door, one by one</source>
        <translation>Open every door, one by one</translation>
    </message>
    <message id="maintenance.pass">
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message id="maintenance.fail">
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message id="maintenance.testing">
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message id="maintenance.board.title">
        <source>Maintenance mode</source>
        <translation>Maintenance mode</translation>
    </message>
    <message id="maintenance.board.who_card">
        <source>Entered with a technician card</source>
        <translation>Entered with a technician card</translation>
    </message>
    <message id="maintenance.board.who_pin">
        <source>Entered with the PIN</source>
        <translation>Entered with the PIN</translation>
    </message>
    <message id="maintenance.exit">
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message id="maintenance.service.out">
        <source>Out of service: citizens cannot start a service</source>
        <translation>Out of service: citizens cannot start a service</translation>
    </message>
    <message id="maintenance.service.in">
        <source>In service for citizens</source>
        <translation>In service for citizens</translation>
    </message>
    <message id="maintenance.service.put_back">
        <source>Put back in service</source>
        <translation>Put back in service</translation>
    </message>
    <message id="maintenance.service.take_out">
        <source>Take out of service</source>
        <translation>Take out of service</translation>
    </message>
    <message id="maintenance.devices">
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message id="maintenance.voice">
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message id="maintenance.voice.play">
        <source>Play a voice prompt</source>
        <translation>Play a voice prompt</translation>
    </message>
    <message id="maintenance.sync">
        <source>Network and sync</source>
        <translation>Network and sync</translation>
    </message>
    <message id="maintenance.system">
        <source>System</source>
        <translation>System</translation>
    </message>
    <message id="maintenance.software">
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message id="maintenance.clock">
        <source>Clock (UTC)</source>
        <translation>Clock (UTC)</translation>
    </message>
    <message id="maintenance.platform_clock">
        <source>Offset from the platform</source>
        <translation>Offset from the platform</translation>
    </message>
    <message id="maintenance.uptime">
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message id="maintenance.disk">
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message id="maintenance.memory">
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message id="maintenance.host">
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message id="maintenance.report">
        <source>Readiness report</source>
        <translation>Readiness report</translation>
    </message>
    <message id="maintenance.log">
        <source>Latest events</source>
        <translation>Latest events</translation>
    </message>
    <message id="maintenance.report.print">
        <source>Print the report on the receipt printer</source>
        <translation>Print the report on the receipt printer</translation>
    </message>
    <message id="maintenance.report.printing">
        <source>Running the self-tests, then printing…</source>
        <translation>Running the self-tests, then printing…</translation>
    </message>
    <message id="maintenance.report.printed">
        <source>Printed on %1: take the slip from the printer.</source>
        <translation>Printed on %1: take the slip from the printer.</translation>
    </message>
    <message id="maintenance.report.print_failed">
        <source>The report could not be printed: %1. Fix the printer (see its card above) and print again.</source>
        <translation>The report could not be printed: %1. Fix the printer (see its card above) and print again.</translation>
    </message>
    <message id="maintenance.report.usb">
        <source>Save the report to a USB stick</source>
        <translation>Save the report to a USB stick</translation>
    </message>
    <message id="maintenance.report.save_to">
        <source>Save to %1</source>
        <translation>Save to %1</translation>
    </message>
    <message id="maintenance.report.no_usb">
        <source>No USB stick found. Plug one in, wait a few seconds, and press again.</source>
        <translation>No USB stick found. Plug one in, wait a few seconds, and press again.</translation>
    </message>
    <message id="maintenance.report.saving">
        <source>Running the self-tests, then saving…</source>
        <translation>Running the self-tests, then saving…</translation>
    </message>
    <message id="maintenance.report.saved_usb">
        <source>Saved on the stick: %1. You can take the stick out now.</source>
        <translation>Saved on the stick: %1. You can take the stick out now.</translation>
    </message>
    <message id="maintenance.report.write">
        <source>Run every self-test and save the report (JSON and HTML)</source>
        <translation>Run every self-test and save the report (JSON and HTML)</translation>
    </message>
    <message id="maintenance.report.running">
        <source>Running the self-tests…</source>
        <translation>Running the self-tests…</translation>
    </message>
    <message id="maintenance.report.written">
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message id="maintenance.report.failed">
        <source>The report could not be saved: %1</source>
        <translation>The report could not be saved: %1</translation>
    </message>
    <message id="out_of_service.title">
        <source>Temporarily out of service</source>
        <translation>Temporarily out of service</translation>
    </message>
    <message id="out_of_service.body">
        <source>This terminal is being serviced. Please use another terminal or go to a staffed counter.</source>
        <translation>This terminal is being serviced. Please use another terminal or go to a staffed counter.</translation>
    </message>
    <message id="maintenance.duration">
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message id="maintenance.duration_s">
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message id="maintenance.pin.title">
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message id="maintenance.pin.prompt">
        <source>Technician: enter the maintenance PIN</source>
        <translation>Technician: enter the maintenance PIN</translation>
    </message>
    <message id="maintenance.pin.wrong" numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before the entry locks.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left before the entry locks.</numerusform>
            <numerusform>Wrong PIN. %n attempts left before the entry locks.</numerusform>
        </translation>
    </message>
    <message id="maintenance.pin.locked">
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Too many wrong PINs. Try again in %1.</translation>
    </message>
    <message id="maintenance.pin.card_unknown">
        <source>This card is not a technician card.</source>
        <translation>This card is not a technician card.</translation>
    </message>
    <message id="maintenance.pin.disabled">
        <source>PIN entry is off on this terminal. Hold a technician card to the card reader.</source>
        <translation>PIN entry is off on this terminal. Hold a technician card to the card reader.</translation>
    </message>
    <message id="maintenance.pin.clear">
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message id="maintenance.pin.delete">
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message id="maintenance.cancel">
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message id="maintenance.pin.enter">
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message id="maintenance.log.all">
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message id="maintenance.log.empty">
        <source>No events about this device since the kiosk started.</source>
        <translation>No events about this device since the kiosk started.</translation>
    </message>
    <message id="maintenance.sync.online">
        <source>Online: the central platform answers</source>
        <translation>Online: the central platform answers</translation>
    </message>
    <message id="maintenance.sync.offline">
        <source>Offline: records wait on this terminal and are sent when the network is back</source>
        <translation>Offline: records wait on this terminal and are sent when the network is back</translation>
    </message>
    <message id="maintenance.sync.url">
        <source>Central platform</source>
        <translation>Central platform</translation>
    </message>
    <message id="maintenance.sync.heartbeat">
        <source>Last heartbeat</source>
        <translation>Last heartbeat</translation>
    </message>
    <message id="maintenance.sync.never">
        <source>none answered yet</source>
        <translation>none answered yet</translation>
    </message>
    <message id="maintenance.sync.waiting">
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message id="maintenance.sync.waiting_value">
        <source>%1 record(s), the oldest %2 old</source>
        <translation>%1 record(s), the oldest %2 old</translation>
    </message>
    <message id="maintenance.sync.nothing_waiting">
        <source>nothing: everything was sent</source>
        <translation>nothing: everything was sent</translation>
    </message>
    <message id="maintenance.sync.last_error">
        <source>Last sending error</source>
        <translation>Last sending error</translation>
    </message>
    <message id="maintenance.sync.dead">
        <source>Refused by the platform</source>
        <translation>Refused by the platform</translation>
    </message>
    <message id="maintenance.sync.none">
        <source>none</source>
        <translation>none</translation>
    </message>
    <message id="maintenance.sync.clock">
        <source>Clock offset</source>
        <translation>Clock offset</translation>
    </message>
    <message id="maintenance.sync.send_now">
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message id="maintenance.refresh">
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
</TS>
