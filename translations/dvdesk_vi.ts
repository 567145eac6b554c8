<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>The two passwords are not the same: type the password again in both.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại mật khẩu ở cả hai ô.</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>The first administrator</source>
        <translation>Quản trị viên đầu tiên</translation>
    </message>
    <message>
        <source>The administrator adds the other accounts (editors and viewers). From now on the data on this computer is encrypted and opens only with an account&apos;s password. A recovery key is shown once after this: the only way back in if every password is forgotten.</source>
        <translation>Quản trị viên thêm các tài khoản khác (người nhập liệu và người xem). Từ nay dữ liệu trên máy này được mã hóa và chỉ mở được bằng mật khẩu của một tài khoản. Ngay sau bước này, mã khôi phục được hiện một lần duy nhất: đó là cách duy nhất để vào lại khi quên hết mật khẩu.</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Tê&amp;n tài khoản:</translation>
    </message>
    <message>
        <source>e.g. quantri</source>
        <translation>ví dụ quantri</translation>
    </message>
    <message>
        <source>2–32 letters a–z without accents, digits, dot, underscore or hyphen</source>
        <translation>2–32 ký tự: chữ a–z không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>The two passwords are not the same: type the password again in both.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại mật khẩu ở cả hai ô.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Đăng nhập lần cuối</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Khó&amp;a tài khoản</translation>
    </message>
    <message>
        <source>The account can no longer sign in; a new password enables it again</source>
        <translation>Tài khoản không đăng nhập được nữa; đặt mật khẩu mới thì dùng lại được</translation>
    </message>
    <message>
        <source>New &amp;password…</source>
        <translation>Đặt &amp;mật khẩu mới…</translation>
    </message>
    <message>
        <source>New recovery &amp;key…</source>
        <translation>Tạo mã &amp;khôi phục mới…</translation>
    </message>
    <message>
        <source>Print a new recovery key; the old printed page stops working</source>
        <translation>In mã khôi phục mới; trang đã in trước đó hết tác dụng</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không tự khóa</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after this long unused:</source>
        <translation>Tự khóa màn hình &amp;sau khi không dùng:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Đổi vai trò</translation>
    </message>
    <message>
        <source>Role of «{name}»:</source>
        <translation>Vai trò của «{name}»:</translation>
    </message>
    <message>
        <source>The account «{name}» is added.</source>
        <translation>Đã thêm tài khoản «{name}».</translation>
    </message>
    <message>
        <source>«{name}» is now: {role}.</source>
        <translation>«{name}» giờ có vai trò: {role}.</translation>
    </message>
    <message>
        <source>Disable an account</source>
        <translation>Khóa tài khoản</translation>
    </message>
    <message>
        <source>«{name}» will no longer be able to sign in. An administrator can enable the account again by giving it a new password. Disable it?</source>
        <translation>«{name}» sẽ không đăng nhập được nữa. Người quản trị có thể mở lại tài khoản bằng cách đặt mật khẩu mới. Khóa tài khoản này?</translation>
    </message>
    <message>
        <source>«{name}» is disabled.</source>
        <translation>Đã khóa tài khoản «{name}».</translation>
    </message>
    <message>
        <source>«{name}» has a new password.</source>
        <translation>Đã đặt mật khẩu mới cho «{name}».</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Mã khôi phục mới</translation>
    </message>
    <message>
        <source>A new recovery key is made and shown once; the page printed before stops working at once. Make a new one?</source>
        <translation>Một mã khôi phục mới sẽ được tạo và chỉ hiện một lần; trang đã in trước đó hết tác dụng ngay. Tạo mã mới?</translation>
    </message>
    <message>
        <source>A new recovery key is made: destroy the old printed page.</source>
        <translation>Đã tạo mã khôi phục mới: hãy hủy trang in cũ.</translation>
    </message>
    <message>
        <source>The screen locks after {minutes} min without use.</source>
        <translation>Màn hình tự khóa sau {minutes} phút không dùng.</translation>
    </message>
    <message>
        <source>The screen never locks by itself (Ctrl+L still locks it).</source>
        <translation>Màn hình không tự khóa (vẫn khóa được bằng Ctrl+L).</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>{action} for {name}</source>
        <translation>{action}: {name}</translation>
    </message>
    <message>
        <source>What the rules say</source>
        <translation>Kiểm tra theo quy định</translation>
    </message>
    <message>
        <source>An error blocks this step. To record it anyway, write why; the reason is kept in the audit log.</source>
        <translation>Có lỗi theo quy định nên bước này bị chặn. Nếu vẫn ghi nhận, hãy ghi rõ lý do; lý do được lưu vào nhật ký thay đổi.</translation>
    </message>
    <message>
        <source>O&amp;verride reason:</source>
        <translation>Lý do &amp;vẫn ghi nhận:</translation>
    </message>
    <message>
        <source>official</source>
        <translation>chính thức</translation>
    </message>
    <message>
        <source>probationary</source>
        <translation>dự bị</translation>
    </message>
    <message>
        <source>&amp;Date listed:</source>
        <translation>&amp;Ngày đưa vào danh sách:</translation>
    </message>
    <message>
        <source>&amp;Date issued:</source>
        <translation>&amp;Ngày cấp:</translation>
    </message>
    <message>
        <source>&amp;Date of the application:</source>
        <translation>&amp;Ngày làm đơn:</translation>
    </message>
    <message>
        <source>&amp;Date of the introduction:</source>
        <translation>&amp;Ngày giới thiệu:</translation>
    </message>
    <message>
        <source>&amp;Date of the resolution:</source>
        <translation>&amp;Ngày nghị quyết:</translation>
    </message>
    <message>
        <source>&amp;Date of the verification result:</source>
        <translation>&amp;Ngày có kết quả thẩm tra:</translation>
    </message>
    <message>
        <source>&amp;Date of the summary of opinions:</source>
        <translation>&amp;Ngày tổng hợp ý kiến:</translation>
    </message>
    <message>
        <source>&amp;Date of the meeting:</source>
        <translation>&amp;Ngày họp:</translation>
    </message>
    <message>
        <source>&amp;Date of the decision:</source>
        <translation>&amp;Ngày quyết định:</translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation>&amp;Ngày nhận:</translation>
    </message>
    <message>
        <source>&amp;Date of the ceremony:</source>
        <translation>&amp;Ngày tổ chức lễ:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Certificate &amp;number:</source>
        <translation>&amp;Số giấy chứng nhận:</translation>
    </message>
    <message>
        <source>Resolution &amp;number:</source>
        <translation>&amp;Số nghị quyết:</translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>&amp;Issued by:</source>
        <translation>Nơi &amp;cấp:</translation>
    </message>
    <message>
        <source>&amp;Helper:</source>
        <translation>Người &amp;giúp đỡ:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>Youth Union</source>
        <translation>Đoàn Thanh niên</translation>
    </message>
    <message>
        <source>Trade union</source>
        <translation>Công đoàn</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Tổ chức:</translation>
    </message>
    <message>
        <source>&amp;Member introducing:</source>
        <translation>Đảng viên &amp;giới thiệu:</translation>
    </message>
    <message>
        <source>&amp;First introducer:</source>
        <translation>Người giới thiệu &amp;1:</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn người)</translation>
    </message>
    <message>
        <source>&amp;Second introducer:</source>
        <translation>Người giới thiệu &amp;2:</translation>
    </message>
    <message>
        <source>&amp;Replaces an introducer who left (12-month rule waived)</source>
        <translation>&amp;Thay người giới thiệu đã chuyển đi (không áp dụng quy định 12 tháng)</translation>
    </message>
    <message>
        <source>&amp;Official members of the cell:</source>
        <translation>Số đảng viên &amp;chính thức của chi bộ:</translation>
    </message>
    <message>
        <source>&amp;Present:</source>
        <translation>Số có &amp;mặt:</translation>
    </message>
    <message>
        <source>Votes &amp;for:</source>
        <translation>Số &amp;tán thành:</translation>
    </message>
    <message>
        <source>Votes &amp;against:</source>
        <translation>Số &amp;không tán thành:</translation>
    </message>
    <message>
        <source>The decision may take the special &amp;extension</source>
        <translation>Quyết định được áp dụng thời hạn &amp;gia hạn đặc biệt</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Date: required.</source>
        <translation>Ngày: bắt buộc.</translation>
    </message>
    <message>
        <source>Date: «{text}» is not a date; write dd/mm/yyyy.</source>
        <translation>Ngày: «{text}» không phải là ngày; hãy ghi theo dạng nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Not saved: an error blocks this step. Write the override reason.</source>
        <translation>Chưa lưu: bước này bị chặn vì có lỗi. Hãy ghi lý do vẫn ghi nhận.</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Chưa lưu: {message}</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Tê&amp;n tài khoản:</translation>
    </message>
    <message>
        <source>2–32 letters a–z without accents, digits, dot, underscore or hyphen</source>
        <translation>2–32 ký tự: chữ a–z không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
    <message>
        <source>Viewer: sees the data on screen, changes nothing, prints nothing. Editor: the daily work, printing and exchange files included. Administrator: all that, plus accounts and restoring backups.</source>
        <translation>Chỉ xem: xem dữ liệu trên màn hình, không thay đổi, không in. Cập nhật: công việc hằng ngày, kể cả in biểu mẫu và tệp trao đổi. Quản trị: tất cả những việc đó, thêm quản lý tài khoản và khôi phục bản sao lưu.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign an introducer or helper</source>
        <translation>Phân công giới thiệu / giúp đỡ</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn người)</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Người được phân công:</translation>
    </message>
    <message>
        <source>official</source>
        <translation>chính thức</translation>
    </message>
    <message>
        <source>probationary</source>
        <translation>dự bị</translation>
    </message>
    <message>
        <source>Party &amp;member:</source>
        <translation>Đảng &amp;viên:</translation>
    </message>
    <message>
        <source>Introducer</source>
        <translation>Người giới thiệu</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Người giúp đỡ</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>R&amp;eplaces introducer:</source>
        <translation>Th&amp;ay người giới thiệu:</translation>
    </message>
    <message>
        <source>Reason for the re&amp;placement:</source>
        <translation>&amp;Lý do thay:</translation>
    </message>
    <message>
        <source>What the rules say</source>
        <translation>Kiểm tra theo quy định</translation>
    </message>
    <message>
        <source>An error blocks this assignment. To record it anyway, write why; the reason is kept in the audit log.</source>
        <translation>Có lỗi theo quy định nên việc phân công này bị chặn. Nếu vẫn ghi nhận, hãy ghi rõ lý do; lý do được lưu vào nhật ký thay đổi.</translation>
    </message>
    <message>
        <source>O&amp;verride reason:</source>
        <translation>Lý do &amp;vẫn ghi nhận:</translation>
    </message>
    <message>
        <source>(none: an added introducer)</source>
        <translation>(không: thêm người giới thiệu)</translation>
    </message>
    <message>
        <source>left the cell {date}</source>
        <translation>rời chi bộ {date}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>đến {date}</translation>
    </message>
    <message>
        <source>current</source>
        <translation>hiện tại</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Bắt buộc.</translation>
    </message>
    <message>
        <source>Not saved: an error blocks this assignment. Write the override reason.</source>
        <translation>Chưa lưu: việc phân công này bị chặn vì có lỗi. Hãy ghi lý do vẫn ghi nhận.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Viewed dossier</source>
        <translation>Xem hồ sơ</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Recorded an event</source>
        <translation>Ghi sự kiện</translation>
    </message>
    <message>
        <source>Recorded a certificate</source>
        <translation>Ghi giấy chứng nhận</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Ended an assignment</source>
        <translation>Kết thúc phân công</translation>
    </message>
    <message>
        <source>Reopened an assignment</source>
        <translation>Mở lại phân công</translation>
    </message>
    <message>
        <source>Undid a step</source>
        <translation>Hoàn tác bước</translation>
    </message>
    <message>
        <source>Nominated for a class</source>
        <translation>Cử đi học</translation>
    </message>
    <message>
        <source>Enrolled in a class</source>
        <translation>Ghi danh lớp học</translation>
    </message>
    <message>
        <source>Withdrew from a class</source>
        <translation>Rút khỏi lớp học</translation>
    </message>
    <message>
        <source>Recorded a class result</source>
        <translation>Ghi kết quả học</translation>
    </message>
    <message>
        <source>Linked a certificate</source>
        <translation>Gắn giấy chứng nhận</translation>
    </message>
    <message>
        <source>Marked as left</source>
        <translation>Ghi chuyển đi</translation>
    </message>
    <message>
        <source>Issued a document number</source>
        <translation>Cấp số văn bản</translation>
    </message>
    <message>
        <source>Voided a document</source>
        <translation>Hủy văn bản</translation>
    </message>
    <message>
        <source>Erased personal data</source>
        <translation>Xóa dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Changed settings</source>
        <translation>Đổi cài đặt</translation>
    </message>
    <message>
        <source>Changed print settings</source>
        <translation>Đổi cài đặt in</translation>
    </message>
    <message>
        <source>Changed print details</source>
        <translation>Đổi thông tin in</translation>
    </message>
    <message>
        <source>Changed the working-day calendar</source>
        <translation>Sửa lịch ngày làm việc</translation>
    </message>
    <message>
        <source>Set up the unit</source>
        <translation>Khởi tạo đơn vị</translation>
    </message>
    <message>
        <source>Made demo data</source>
        <translation>Tạo dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Made the keys</source>
        <translation>Tạo khóa</translation>
    </message>
    <message>
        <source>Replaced the keys</source>
        <translation>Thay khóa</translation>
    </message>
    <message>
        <source>Took in a unit&apos;s key</source>
        <translation>Nhận khóa của đơn vị khác</translation>
    </message>
    <message>
        <source>Confirmed a key</source>
        <translation>Xác nhận khóa</translation>
    </message>
    <message>
        <source>Wrote an exchange file</source>
        <translation>Xuất tệp trao đổi</translation>
    </message>
    <message>
        <source>Took in an exchange file</source>
        <translation>Nhập tệp trao đổi</translation>
    </message>
    <message>
        <source>Resolved a conflict</source>
        <translation>Giải quyết xung đột</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <translation>Trả lại để sửa</translation>
    </message>
    <message>
        <source>Corrected as asked</source>
        <translation>Đã sửa theo yêu cầu</translation>
    </message>
    <message>
        <source>Added an account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Changed an account</source>
        <translation>Sửa tài khoản</translation>
    </message>
    <message>
        <source>Classified a dossier secret</source>
        <translation>Xếp hồ sơ vào loại mật</translation>
    </message>
    <message>
        <source>Recorded consent</source>
        <translation>Ghi sự đồng ý</translation>
    </message>
    <message>
        <source>Lifted the secret classification</source>
        <translation>Bỏ độ mật</translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation>Đổi mật khẩu của mình</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>Opened with the recovery key</source>
        <translation>Mở bằng mã khôi phục</translation>
    </message>
    <message>
        <source>Made a new recovery key</source>
        <translation>Tạo mã khôi phục mới</translation>
    </message>
    <message>
        <source>Changed a setting</source>
        <translation>Đổi một cài đặt</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Signed an update installer</source>
        <translation>Ký tệp cài đặt bản cập nhật</translation>
    </message>
    <message>
        <source>Checked an update installer</source>
        <translation>Kiểm tra tệp cài đặt bản cập nhật</translation>
    </message>
    <message>
        <source>Withdrew consent</source>
        <translation>Rút lại sự đồng ý</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Giấy chứng nhận</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp học</translation>
    </message>
    <message>
        <source>Class member</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Helper&apos;s note</source>
        <translation>Nhận xét của người giúp đỡ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Year plan</source>
        <translation>Kế hoạch năm</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>Lịch ngày làm việc</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Procedure check</source>
        <translation>Kiểm tra quy trình</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Sự đồng ý</translation>
    </message>
    <message>
        <source>Update installer</source>
        <translation>Tệp cài đặt bản cập nhật</translation>
    </message>
    <message>
        <source>Step: {step}</source>
        <translation>Ghi bước: {step}</translation>
    </message>
    <message>
        <source>{account}, at the computer {desk}</source>
        <translation>{account}, tại máy {desk}</translation>
    </message>
    <message>
        <source>name, code, user, value…</source>
        <translation>tên, mã, người dùng, giá trị…</translation>
    </message>
    <message>
        <source>Finds the words in the person&apos;s name, code or CCCD, the user, the record&apos;s id, the reason and the values before and after</source>
        <translation>Tìm trong họ tên, mã hoặc số CCCD của người liên quan, tên người dùng, mã bản ghi, lý do và các giá trị trước và sau</translation>
    </message>
    <message>
        <source>From the &amp;units below</source>
        <translation>Của các đơn vị cấp &amp;dưới</translation>
    </message>
    <message>
        <source>The audit entries the units below have sent up</source>
        <translation>Các mục nhật ký do các đơn vị cấp dưới gửi lên</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>Người &amp;làm:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Thao tá&amp;c:</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Các mục nhật ký</translation>
    </message>
    <message>
        <source>The selected entry</source>
        <translation>Mục nhật ký đang chọn</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>Tải thê&amp;m</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>Write every entry the filters keep to an Excel workbook</source>
        <translation>Ghi mọi mục khớp với bộ lọc ra một tệp Excel</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Dừn&amp;g</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Mọi người</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <source>Every unit</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Xuất nhật ký</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>«{text}» is not a date: write dd/mm/yyyy, e.g. 05/03/2026.</source>
        <translation>«{text}» không phải là ngày: hãy viết theo dạng dd/mm/yyyy, ví dụ 05/03/2026.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc ở trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Đang đọc nhật ký…</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Không có mục nào khớp với bộ lọc.</translation>
    </message>
    <message>
        <source>The newest {count} entries; scroll down for more</source>
        <translation>{count} mục mới nhất; cuộn xuống để xem thêm</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} mục</translation>
    </message>
    <message>
        <source>Choose an entry to see it in full.</source>
        <translation>Chọn một mục để xem đầy đủ.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Person concerned</source>
        <translation>Người liên quan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation>Không có chi tiết.</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <source>{count} entries written to {path}</source>
        <translation>Đã ghi {count} mục vào {path}</translation>
    </message>
    <message>
        <source>Export stopped; no file was written.</source>
        <translation>Đã dừng xuất; không ghi tệp nào.</translation>
    </message>
    <message>
        <source>Writing the workbook… {count} entries</source>
        <translation>Đang ghi tệp Excel… {count} mục</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người làm</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người liên quan</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>dvdesk backups (*.dvbak)</source>
        <translation>Bản sao lưu dvdesk (*.dvbak)</translation>
    </message>
    <message>
        <source>The unit&apos;s key passphrase:</source>
        <translation>Mật khẩu khóa của đơn vị:</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>The backup is written to {path}. Copy it to a USB stick now and then.</source>
        <translation>Đã ghi bản sao lưu vào {path}. Thỉnh thoảng hãy chép nó sang USB.</translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>Kiểm tra dữ liệu</translation>
    </message>
    <message>
        <source>The backup of {unit} made on {when} holds {people} people, {members} Party members and {events} recorded steps; the last change in it was on {last}.

Put it in place of the data on the server {server} now? Every desk working on the server sees the restored data at once. The data as it is now is backed up first.</source>
        <translation>Bản sao lưu của {unit} lập ngày {when} có {people} người, {members} đảng viên và {events} bước đã ghi; thay đổi cuối cùng trong đó vào {last}.

Đặt bản này thay cho dữ liệu trên máy chủ {server} ngay bây giờ? Mọi máy đang làm việc trên máy chủ sẽ thấy ngay dữ liệu đã khôi phục. Dữ liệu hiện tại được sao lưu trước.</translation>
    </message>
    <message>
        <source>The backup of {unit} made on {when} holds {people} people, {members} Party members and {events} recorded steps; the last change in it was on {last}.

Put it in place of the data now? The data as it is now is backed up and kept aside first.</source>
        <translation>Bản sao lưu của {unit} làm ngày {when} có {people} người, {members} đảng viên và {events} bước đã ghi; lần thay đổi cuối trong đó là {last}.

Đặt bản này vào chỗ dữ liệu hiện nay? Dữ liệu hiện nay được sao lưu và giữ riêng trước.</translation>
    </message>
</context>
<context>
    <name>BackupKeeper</name>
    <message>
        <source>Backed up at {time}.</source>
        <translation>Đã sao lưu lúc {time}.</translation>
    </message>
</context>
<context>
    <name>BackupReport</name>
    <message>
        <source>The database is sound: no damage and no broken references.</source>
        <translation>Dữ liệu tốt: không có chỗ hỏng, không có tham chiếu bị đứt.</translation>
    </message>
    <message>
        <source>The database has problems:</source>
        <translation>Dữ liệu có lỗi:</translation>
    </message>
    <message>
        <source>Broken reference: {what}</source>
        <translation>Tham chiếu bị đứt: {what}</translation>
    </message>
    <message>
        <source>Restore the newest backup (File → Restore from a backup…).</source>
        <translation>Hãy khôi phục bản sao lưu gần nhất (Tệp → Khôi phục từ bản sao lưu…).</translation>
    </message>
</context>
<context>
    <name>BatchPrinter</name>
    <message>
        <source>Preparing…</source>
        <translation>Đang chuẩn bị…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Stopping after the current document…</source>
        <translation>Đang dừng sau khi xong tài liệu hiện tại…</translation>
    </message>
    <message>
        <source>{current} / {total} — {label}</source>
        <translation>{current} / {total} — {label}</translation>
    </message>
    <message numerus="yes">
        <source>Joining %n document(s)…</source>
        <translation>
            <numerusform>Đang ghép %n tài liệu…</numerusform>
        </translation>
    </message>
    <message>
        <source>%n document(s) could not be made. The others were joined as usual.</source>
        <translation>Không tạo được %n tài liệu. Các tài liệu còn lại vẫn được ghép bình thường.</translation>
    </message>
    <message>
        <source>… and %n more (see the details).</source>
        <translation>… và %n tài liệu khác (xem phần chi tiết).</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Việc tiếp theo</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Còn lại</translation>
    </message>
    <message>
        <source>Rule findings</source>
        <translation>Kiểm tra điều kiện</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n ngày trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n lỗi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n cảnh báo</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue: “{step}” was due on {date}.</source>
        <translation>Quá hạn: hạn cuối của “{step}” là ngày {date}.</translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <source>Name, code or unit; accents optional</source>
        <translation>Họ tên, mã hoặc đơn vị; gõ có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Tìm người</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Tất cả giai đoạn</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>Giai đ&amp;oạn:</translation>
    </message>
    <message>
        <source>People in the admission pipeline</source>
        <translation>Danh sách người vào Đảng</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả chi bộ</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>C&amp;hi bộ:</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>&amp;Quá hạn</translation>
    </message>
    <message>
        <source>Only people with a step past its due date</source>
        <translation>Chỉ những người có việc đã quá hạn</translation>
    </message>
    <message>
        <source>&amp;Youth Union member</source>
        <translation>Đoàn viên TNC&amp;S</translation>
    </message>
    <message>
        <source>Stud&amp;ent</source>
        <translation>Học s&amp;inh, sinh viên</translation>
    </message>
    <message>
        <source>Occupation mentions pupil or student</source>
        <translation>Nghề nghiệp ghi là học sinh hoặc sinh viên</translation>
    </message>
    <message>
        <source>Has rule findin&amp;gs</source>
        <translation>&amp;Có lỗi hoặc cảnh báo</translation>
    </message>
    <message>
        <source>At least one rule error or warning</source>
        <translation>Có ít nhất một lỗi hoặc cảnh báo theo quy định</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n person(s) so far</source>
        <translation>
            <numerusform>Đang tải… đã có %n người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n person(s)</source>
        <translation>
            <numerusform>Hiển thị {shown} trong số %n người</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <source>Issue certificates</source>
        <translation>Cấp giấy chứng nhận</translation>
    </message>
    <message>
        <source>&quot;{n}&quot; is replaced by the number, e.g. &quot;{n}/CN-ĐU&quot;.</source>
        <translation>&quot;{n}&quot; được thay bằng số thứ tự, ví dụ &quot;{n}/CN-ĐU&quot;.</translation>
    </message>
    <message>
        <source>&amp;First number:</source>
        <translation>Số đầ&amp;u tiên:</translation>
    </message>
    <message>
        <source>Number &amp;pattern:</source>
        <translation>&amp;Mẫu số:</translation>
    </message>
    <message>
        <source>&amp;Issued by:</source>
        <translation>Nơi &amp;cấp:</translation>
    </message>
    <message>
        <source>Issued &amp;on:</source>
        <translation>&amp;Ngày cấp:</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy.</source>
        <translation>Không phải ngày: hãy viết theo dạng nn/tt/nnnn.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Account: {who}</source>
        <translation>Tài khoản: {who}</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Đổ&amp;i mật khẩu</translation>
    </message>
</context>
<context>
    <name>ChangedMeanwhile</name>
    <message>
        <source>Changed meanwhile</source>
        <translation>Đã có thay đổi trong lúc bạn sửa</translation>
    </message>
    <message>
        <source>&amp;Save mine over it</source>
        <translation>&amp;Lưu bản của tôi đè lên</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Tiếp tục sửa</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>No data</source>
        <translation>Không có dữ liệu</translation>
    </message>
    <message>
        <source>M{month}</source>
        <translation>T{month}</translation>
    </message>
    <message>
        <source>Admitted: {total} of a target of {target}</source>
        <translation>Đã kết nạp {total} trên chỉ tiêu {target}</translation>
    </message>
    <message>
        <source>Target: {target}</source>
        <translation>Chỉ tiêu: {target}</translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <source>Edit class</source>
        <translation>Sửa lớp</translation>
    </message>
    <message>
        <source>Plan a class</source>
        <translation>Lên kế hoạch lớp</translation>
    </message>
    <message>
        <source>Party awareness class (candidates)</source>
        <translation>Lớp bồi dưỡng nhận thức về Đảng (quần chúng)</translation>
    </message>
    <message>
        <source>Political theory class for new members</source>
        <translation>Lớp bồi dưỡng lý luận chính trị cho đảng viên mới</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại lớp:</translation>
    </message>
    <message>
        <source>&amp;Name*:</source>
        <translation>&amp;Tên lớp*:</translation>
    </message>
    <message>
        <source>e.g. Political training centre</source>
        <translation>ví dụ: Trung tâm Chính trị</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>Đơn vị tổ &amp;chức:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>&amp;Quý:</translation>
    </message>
    <message>
        <source>&amp;Starts on:</source>
        <translation>Ngày khai &amp;giảng:</translation>
    </message>
    <message>
        <source>&amp;Ends on:</source>
        <translation>Ngày &amp;kết thúc:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Số học viên tối đa:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy.</source>
        <translation>Không phải ngày: hãy viết theo dạng nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked below.</source>
        <translation>Chưa lưu: hãy sửa các ô được đánh dấu bên dưới.</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Chưa lưu: {message}</translation>
    </message>
</context>
<context>
    <name>ClassRoster</name>
    <message>
        <source>People in the class</source>
        <translation>Học viên của lớp</translation>
    </message>
    <message>
        <source>&amp;Nominate…</source>
        <translation>&amp;Cử học…</translation>
    </message>
    <message>
        <source>E&amp;nrol selected</source>
        <translation>&amp;Ghi danh người đã chọn</translation>
    </message>
    <message>
        <source>&amp;Record results…</source>
        <translation>Ghi &amp;kết quả…</translation>
    </message>
    <message>
        <source>Issue &amp;certificates…</source>
        <translation>Cấp giấ&amp;y chứng nhận…</translation>
    </message>
    <message>
        <source>&amp;Withdraw selected</source>
        <translation>&amp;Rút tên người đã chọn</translation>
    </message>
    <message>
        <source>Select a class above to see its people.</source>
        <translation>Chọn một lớp ở trên để xem học viên.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>&amp;People in «{name}» (capacity: {capacity})</source>
        <translation>&amp;Học viên lớp «{name}» (tối đa: {capacity})</translation>
    </message>
    <message>
        <source>Nothing was saved: {message}</source>
        <translation>Chưa lưu gì: {message}</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) nominated.</source>
        <translation>
            <numerusform>Đã cử %n người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) enrolled.</source>
        <translation>
            <numerusform>Đã ghi danh %n người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) withdrawn.</source>
        <translation>
            <numerusform>Đã rút tên %n người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Results recorded for %n person(s).</source>
        <translation>
            <numerusform>Đã ghi kết quả cho %n người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) issued.</source>
        <translation>
            <numerusform>Đã cấp %n giấy chứng nhận.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassTableModel</name>
    <message>
        <source>Party awareness</source>
        <translation>Bồi dưỡng nhận thức về Đảng</translation>
    </message>
    <message>
        <source>New-member political theory</source>
        <translation>Lý luận chính trị cho đảng viên mới</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại lớp</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Tên lớp</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Giấy chứng nhận đã cấp</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Enrolled / capacity</source>
        <translation>Đã ghi danh / tối đa</translation>
    </message>
    <message>
        <source>Nominated</source>
        <translation>Được cử</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
</context>
<context>
    <name>ClassesTab</name>
    <message>
        <source>Classes</source>
        <translation>Danh sách lớp học</translation>
    </message>
    <message>
        <source>&amp;Plan a class…</source>
        <translation>&amp;Lên kế hoạch lớp…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>P&amp;rint</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>Class &amp;roster…</source>
        <translation>&amp;Danh sách học viên (DS-LOP)…</translation>
    </message>
    <message>
        <source>&amp;Certificates…</source>
        <translation>&amp;Giấy chứng nhận (CN-NTVĐ)…</translation>
    </message>
    <message>
        <source>One certificate per person who passed, to print on A5 landscape</source>
        <translation>Mỗi người đạt một giấy chứng nhận, in khổ A5 nằm ngang</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Plan for {year}:</source>
        <translation>Kế hoạch năm {year}:</translation>
    </message>
    <message>
        <source>{header} the classes meet the yearly plan.</source>
        <translation>{header} các lớp đúng kế hoạch năm.</translation>
    </message>
    <message>
        <source>{name}: awareness certificate valid until {day}.</source>
        <translation>{name}: giấy chứng nhận lớp nhận thức về Đảng còn giá trị đến {day}.</translation>
    </message>
    <message>
        <source>{name}: probation ends {day}, new-member class not passed.</source>
        <translation>{name}: hết thời gian dự bị ngày {day}, chưa học xong lớp đảng viên mới.</translation>
    </message>
    <message>
        <source>Nothing to flag.</source>
        <translation>Không có cảnh báo nào.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n class(es) so far</source>
        <translation>
            <numerusform>Đang tải… đã có %n lớp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n lớp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n class(es)</source>
        <translation>
            <numerusform>Hiển thị {shown} trong số %n lớp</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmKeyDialog</name>
    <message>
        <source>Confirm the key of {name}</source>
        <translation>Xác nhận khóa của {name}</translation>
    </message>
    <message>
        <source>The key file of {name} ({code}) was imported. Before trusting it, compare it with the fingerprint page that {name} printed, signed and stamped. Type the fingerprint from the paper (spaces and capitals do not matter), or compare every group and tick the box.</source>
        <translation>Đã nhập tệp khóa của {name} ({code}). Trước khi tin dùng, hãy đối chiếu với phiếu dấu vân tay do {name} in, ký và đóng dấu. Gõ lại dấu vân tay trên giấy (không phân biệt dấu cách, chữ hoa hay thường), hoặc so từng nhóm rồi đánh dấu vào ô bên dưới.</translation>
    </message>
    <message>
        <source>The fingerprint of the key imported here:</source>
        <translation>Dấu vân tay của khóa vừa nhập vào máy này:</translation>
    </message>
    <message>
        <source>&amp;From the paper:</source>
        <translation>&amp;Theo phiếu giấy:</translation>
    </message>
    <message>
        <source>I compared all eight groups with the paper: they are the &amp;same.</source>
        <translation>Tôi đã so cả tám nhóm với phiếu giấy: tất cả &amp;giống hệt nhau.</translation>
    </message>
    <message>
        <source>&amp;Confirm the key</source>
        <translation>&amp;Xác nhận khóa</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <source>The key stays unconfirmed; confirm it from the list later.</source>
        <translation>Khóa vẫn ở trạng thái chưa xác nhận; có thể xác nhận sau từ danh sách.</translation>
    </message>
    <message>
        <source>Type the fingerprint from the paper, or tick the box once every group has been compared.</source>
        <translation>Hãy gõ dấu vân tay trên phiếu giấy, hoặc đánh dấu vào ô sau khi đã so xong từng nhóm.</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột dữ liệu</translation>
    </message>
    <message>
        <source>These records were changed both here and by the other unit since the last exchange. Nothing was overwritten silently: compare the two versions and choose which one stands. The choice is sent with the next file.</source>
        <translation>Các bản ghi này đã được sửa cả ở đây lẫn ở đơn vị kia kể từ lần trao đổi trước. Không có gì bị ghi đè mà không báo: hãy so hai bản và chọn bản được giữ. Lựa chọn sẽ được gửi đi trong tệp tiếp theo.</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Không còn xung đột nào cần xử lý.</translation>
    </message>
    <message>
        <source>&amp;Keep ours</source>
        <translation>&amp;Giữ bản ở đây</translation>
    </message>
    <message>
        <source>The version here stands, for both units</source>
        <translation>Bản ở đây được giữ, cho cả hai đơn vị</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Lấy bản của đơn vị kia</translation>
    </message>
    <message>
        <source>The other unit&apos;s version stands, for both units</source>
        <translation>Bản của đơn vị kia được giữ, cho cả hai đơn vị</translation>
    </message>
    <message>
        <source>the version here</source>
        <translation>bản ở đây</translation>
    </message>
    <message>
        <source>their version</source>
        <translation>bản của đơn vị kia</translation>
    </message>
    <message>
        <source>{label} ({kind}), from {unit}. Standing now: {standing}.</source>
        <translation>{label} ({kind}), từ {unit}. Đang áp dụng: {standing}.</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ở đây</translation>
    </message>
    <message>
        <source>{column} ✓ standing</source>
        <translation>{column} ✓ đang áp dụng</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
</context>
<context>
    <name>EnrolmentTableModel</name>
    <message>
        <source>Nominated</source>
        <translation>Được cử</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Đã ghi danh</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Đã rút tên</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Nominated on</source>
        <translation>Ngày cử</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Ngày ghi danh</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Số buổi</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Giấy chứng nhận</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong muốn</translation>
    </message>
    <message>
        <source>Something went wrong and the last action may not have finished. The program keeps running; your saved data is safe.</source>
        <translation>Đã xảy ra lỗi, thao tác vừa rồi có thể chưa hoàn tất. Chương trình vẫn tiếp tục chạy; dữ liệu đã lưu vẫn an toàn.</translation>
    </message>
    <message>
        <source>Error: {error}</source>
        <translation>Lỗi: {error}</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Chi tiết đã được ghi vào tệp nhật ký:
{path}</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>The passphrase is too short: at least {count} characters are needed.</source>
        <translation>Mật khẩu quá ngắn: cần ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same: type it again.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.</translation>
    </message>
    <message>
        <source>At least {count} characters. A short sentence is easy to remember and hard to guess.</source>
        <translation>Ít nhất {count} ký tự. Một câu ngắn vừa dễ nhớ vừa khó đoán.</translation>
    </message>
    <message>
        <source>Too short: {n} of at least {count} characters.</source>
        <translation>Còn ngắn: {n} trên ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <source>Acceptable. {count} characters or more would be stronger.</source>
        <translation>Dùng được. Từ {count} ký tự trở lên sẽ an toàn hơn.</translation>
    </message>
    <message>
        <source>Good: a long passphrase.</source>
        <translation>Tốt: mật khẩu đủ dài.</translation>
    </message>
</context>
<context>
    <name>ExchangeNames</name>
    <message>
        <source>units</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>people</source>
        <translation>người</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>đảng viên</translation>
    </message>
    <message>
        <source>family members</source>
        <translation>người thân trong gia đình</translation>
    </message>
    <message>
        <source>introducers and helpers</source>
        <translation>người giới thiệu và giúp đỡ</translation>
    </message>
    <message>
        <source>helpers&apos; notes</source>
        <translation>nhận xét của người giúp đỡ</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>lớp học</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>giấy chứng nhận</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>bước thủ tục</translation>
    </message>
    <message>
        <source>class enrolments</source>
        <translation>lượt cử đi học</translation>
    </message>
    <message>
        <source>registered documents</source>
        <translation>văn bản đã vào sổ</translation>
    </message>
    <message>
        <source>yearly plans</source>
        <translation>kế hoạch năm</translation>
    </message>
    <message>
        <source>plan targets</source>
        <translation>chỉ tiêu kế hoạch</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Name at birth</source>
        <translation>Họ tên khai sinh</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Nơi cư trú</translation>
    </message>
    <message>
        <source>CCCD number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Trình độ học vấn</translation>
    </message>
    <message>
        <source>School grade</source>
        <translation>Lớp phổ thông</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Nghề nghiệp</translation>
    </message>
    <message>
        <source>Youth Union member</source>
        <translation>Đoàn viên</translation>
    </message>
    <message>
        <source>Joined the Youth Union</source>
        <translation>Ngày vào Đoàn</translation>
    </message>
    <message>
        <source>Trade union member</source>
        <translation>Đoàn viên công đoàn</translation>
    </message>
    <message>
        <source>Joined the trade union</source>
        <translation>Ngày vào Công đoàn</translation>
    </message>
    <message>
        <source>Joined the unit</source>
        <translation>Ngày về đơn vị</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Send a file</source>
        <translation>Gửi tệp trao đổi</translation>
    </message>
    <message>
        <source>The file holds everything changed since the other unit&apos;s last receipt, signed with this unit&apos;s key and readable only by the unit it is for. Carry it on a USB stick or send it by the organisation&apos;s mail.</source>
        <translation>Tệp chứa mọi thay đổi kể từ lần đơn vị kia xác nhận đã nhận gần nhất, được ký bằng khóa của đơn vị này và chỉ đơn vị nhận mới đọc được. Chép vào USB hoặc gửi qua thư điện tử của cơ quan.</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Gửi &amp;cho:</translation>
    </message>
    <message>
        <source>Send &amp;everything (a full snapshot)</source>
        <translation>Gửi toàn &amp;bộ dữ liệu (bản đầy đủ)</translation>
    </message>
    <message>
        <source>Normally only what changed is sent. A full snapshot helps a unit that lost its data or starts afresh; it is larger.</source>
        <translation>Bình thường chỉ gửi phần thay đổi. Bản đầy đủ giúp đơn vị bị mất dữ liệu hoặc bắt đầu lại; tệp sẽ lớn hơn.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Tệp:</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Đang ghi tệp…</translation>
    </message>
    <message>
        <source>&amp;Write the file</source>
        <translation>&amp;Ghi tệp</translation>
    </message>
    <message>
        <source>No unit to send to yet: import the other unit&apos;s public-key file in Exchange › Keys… first.</source>
        <translation>Chưa có đơn vị nào để gửi: trước hết hãy nhập tệp khóa công khai của đơn vị kia trong Trao đổi › Khóa…</translation>
    </message>
    <message>
        <source>No key of this unit yet: import its public-key file first.</source>
        <translation>Chưa có khóa của đơn vị này: hãy nhập tệp khóa công khai của đơn vị trước.</translation>
    </message>
    <message>
        <source>File number {seq}. The key of this unit has not been confirmed against its printed fingerprint yet (Exchange › Keys…).</source>
        <translation>Tệp số {seq}. Khóa của đơn vị này chưa được xác nhận theo phiếu dấu vân tay (Trao đổi › Khóa…).</translation>
    </message>
    <message>
        <source>File number {seq}.</source>
        <translation>Tệp số {seq}.</translation>
    </message>
    <message>
        <source>Write the file to</source>
        <translation>Ghi tệp vào</translation>
    </message>
    <message>
        <source>Exchange files (*.dvb)</source>
        <translation>Tệp trao đổi (*.dvb)</translation>
    </message>
    <message>
        <source>Choose the unit the file is for.</source>
        <translation>Hãy chọn đơn vị nhận tệp.</translation>
    </message>
    <message>
        <source>Type the passphrase of this unit&apos;s keys.</source>
        <translation>Hãy nhập mật khẩu khóa của đơn vị này.</translation>
    </message>
    <message>
        <source>Choose where to write the file.</source>
        <translation>Hãy chọn nơi ghi tệp.</translation>
    </message>
    <message>
        <source>{name} already exists there. Choose another name: an earlier file is never overwritten.</source>
        <translation>Ở đó đã có tệp {name}. Hãy chọn tên khác: không ghi đè lên tệp đã làm trước.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Không có thư mục {folder}.</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>phần thay đổi</translation>
    </message>
    <message>
        <source>full snapshot</source>
        <translation>bản đầy đủ</translation>
    </message>
    <message>
        <source>receipt only</source>
        <translation>chỉ xác nhận đã nhận</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Đã ghi: {path}</translation>
    </message>
    <message>
        <source>For {unit}: file number {seq} ({kind}); it acknowledges their files up to number {ack}.</source>
        <translation>Gửi {unit}: tệp số {seq} ({kind}); xác nhận đã nhận các tệp của đơn vị đó đến số {ack}.</translation>
    </message>
    <message>
        <source>Records: {total} ({detail}).</source>
        <translation>Số bản ghi: {total} ({detail}).</translation>
    </message>
    <message>
        <source>Nothing has changed since their last receipt: the file only says what was received from them.</source>
        <translation>Không có gì thay đổi kể từ lần nhận trước của đơn vị đó: tệp chỉ báo những gì đã nhận được.</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Không ghi được tệp: {error}</translation>
    </message>
</context>
<context>
    <name>FamilyTableModel</name>
    <message>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Nghề nghiệp</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Nơi ở</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>The rules run once the fields above are filled in.</source>
        <translation>Quy định sẽ được kiểm tra khi các ô ở trên đã được điền.</translation>
    </message>
    <message>
        <source>The rules find nothing against this step.</source>
        <translation>Không có quy định nào bị vi phạm ở bước này.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}: {message}</translation>
    </message>
    <message>
        <source>Legal basis: {basis}</source>
        <translation>Căn cứ: {basis}</translation>
    </message>
</context>
<context>
    <name>FingerprintPage</name>
    <message>
        <source>The fingerprint page</source>
        <translation>Phiếu dấu vân tay khóa</translation>
    </message>
    <message>
        <source>&amp;Print the fingerprint page…</source>
        <translation>&amp;In phiếu dấu vân tay…</translation>
    </message>
    <message>
        <source>&amp;Save the public-key file…</source>
        <translation>&amp;Lưu tệp khóa công khai…</translation>
    </message>
    <message>
        <source>The keys are made. Print this page, sign and stamp it, and give it with the public-key file to each chi bộ (or send the file and read the fingerprint out on the telephone): they compare every group before they trust the board&apos;s key.</source>
        <translation>Đã tạo khóa. Hãy in phiếu này, ký và đóng dấu, rồi giao cùng tệp khóa công khai cho từng chi bộ (hoặc gửi tệp và đọc dấu vân tay qua điện thoại): chi bộ so từng nhóm trước khi tin khóa của Ban.</translation>
    </message>
    <message>
        <source>The keys are made. Print this page, have it signed and stamped, and take it with the public-key file to {board}. Bring back the board&apos;s public-key file and its fingerprint page, and add it under Exchange › Keys.</source>
        <translation>Đã tạo khóa. Hãy in phiếu này, ký và đóng dấu, rồi mang cùng tệp khóa công khai đến {board}. Nhận về tệp khóa công khai và phiếu dấu vân tay của Ban, rồi thêm vào ở Trao đổi › Khóa.</translation>
    </message>
    <message>
        <source>the organisation board above</source>
        <translation>Ban Tổ chức cấp trên</translation>
    </message>
    <message>
        <source>Fingerprint page</source>
        <translation>Phiếu dấu vân tay</translation>
    </message>
    <message>
        <source>Save the public-key file</source>
        <translation>Lưu tệp khóa công khai</translation>
    </message>
    <message>
        <source>Public-key files (*.dvkey);;All files (*)</source>
        <translation>Tệp khóa công khai (*.dvkey);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Saved: {path}.</source>
        <translation>Đã lưu: {path}.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>dvdesk: first run</source>
        <translation>dvdesk: cài đặt lần đầu</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>&amp;Tạo</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Bắt buộc.</translation>
    </message>
    <message>
        <source>«{text}» is not a date; write dd/mm/yyyy.</source>
        <translation>«{text}» không phải là ngày; hãy viết nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Chưa lưu: {message}</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked below.</source>
        <translation>Chưa lưu: hãy sửa các ô được đánh dấu bên dưới.</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>The personal data of {count} people who left without being admitted was erased: the period the office set ({months} months) has passed.</source>
        <translation>Đã xóa dữ liệu cá nhân của {count} người thôi xem xét mà không được kết nạp: đã hết thời hạn lưu giữ cấp trên đặt ({months} tháng).</translation>
    </message>
    <message>
        <source>The data is damaged and was not recovered: it is not opened.</source>
        <translation>Dữ liệu bị hỏng và chưa được khôi phục nên không được mở.</translation>
    </message>
    <message>
        <source>Administrator (demo)</source>
        <translation>Quản trị (bản demo)</translation>
    </message>
    <message>
        <source>Demo: signed in as «{name}», password «{password}».</source>
        <translation>Bản demo: đã đăng nhập bằng tài khoản «{name}», mật khẩu «{password}».</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Wrong password: dvdesk stays locked. Type it again.</source>
        <translation>Sai mật khẩu: dvdesk vẫn khóa. Hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>ImportBundlesDialog</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Receive files</source>
        <translation>Nhận tệp trao đổi</translation>
    </message>
    <message>
        <source>&amp;Files to receive (.dvb):</source>
        <translation>&amp;Các tệp cần nhận (.dvb):</translation>
    </message>
    <message>
        <source>Add f&amp;iles…</source>
        <translation>Thêm tệ&amp;p…</translation>
    </message>
    <message>
        <source>Add a f&amp;older…</source>
        <translation>Thêm &amp;thư mục…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Bỏ ra</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Check only (dry run): write nothing</source>
        <translation>Chỉ &amp;kiểm tra (chạy thử): không ghi gì</translation>
    </message>
    <message>
        <source>S&amp;top after this file</source>
        <translation>&amp;Dừng sau tệp này</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Nhận</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>Kiểm t&amp;ra</translation>
    </message>
    <message>
        <source>No .dvb file in {folder}.</source>
        <translation>Thư mục {folder} không có tệp .dvb nào.</translation>
    </message>
    <message>
        <source>Choose the files to receive</source>
        <translation>Chọn các tệp cần nhận</translation>
    </message>
    <message>
        <source>Exchange files (*.dvb);;All files (*)</source>
        <translation>Tệp trao đổi (*.dvb);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose a folder of files</source>
        <translation>Chọn thư mục chứa các tệp</translation>
    </message>
    <message>
        <source>Add the files to receive, or a folder.</source>
        <translation>Hãy thêm các tệp cần nhận, hoặc một thư mục.</translation>
    </message>
    <message>
        <source>Type the passphrase of this unit&apos;s keys.</source>
        <translation>Hãy nhập mật khẩu khóa của đơn vị này.</translation>
    </message>
    <message>
        <source>Stopping after the file being read…</source>
        <translation>Sẽ dừng sau tệp đang đọc…</translation>
    </message>
    <message>
        <source>Reading {file} ({n} of {total})…</source>
        <translation>Đang đọc {file} ({n}/{total})…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Đã nhập trước đó</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Checked: can be imported</source>
        <translation>Đã kiểm tra: nhập được</translation>
    </message>
    <message>
        <source>Files: {n}</source>
        <translation>Số tệp: {n}</translation>
    </message>
    <message>
        <source>imported: {n}</source>
        <translation>đã nhập: {n}</translation>
    </message>
    <message>
        <source>can be imported: {n}</source>
        <translation>nhập được: {n}</translation>
    </message>
    <message>
        <source>already imported: {n}</source>
        <translation>đã nhập trước đó: {n}</translation>
    </message>
    <message>
        <source>refused: {n}</source>
        <translation>bị từ chối: {n}</translation>
    </message>
    <message>
        <source>Check only: nothing was written.</source>
        <translation>Chỉ kiểm tra: chưa ghi gì vào dữ liệu.</translation>
    </message>
    <message>
        <source>Nothing of a refused file was written.</source>
        <translation>Tệp bị từ chối không được ghi gì vào dữ liệu.</translation>
    </message>
    <message>
        <source>Records changed on both sides: {n}. Choose which version stands in Exchange › Conflicts…</source>
        <translation>Số bản ghi bị sửa ở cả hai bên: {n}. Hãy chọn bản được giữ trong Trao đổi › Xung đột…</translation>
    </message>
    <message>
        <source>{n} kept as they are here (changed only here).</source>
        <translation>{n} bản ghi giữ nguyên như ở đây (chỉ được sửa ở đây).</translation>
    </message>
    <message>
        <source>{file}: {notes}</source>
        <translation>{file}: {notes}</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Save the spreadsheet template</source>
        <translation>Lưu mẫu bảng tính</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation>Chưa lưu được mẫu</translation>
    </message>
    <message>
        <source>The template could not be written to:
{path}

{error}

If the file is open in Excel, close it and try again, or choose another folder.</source>
        <translation>Không ghi được mẫu vào:
{path}

{error}

Nếu tệp đang mở trong Excel, hãy đóng lại rồi thử lại, hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>Đã lưu mẫu: {path}</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>Đã lưu mẫu</translation>
    </message>
    <message>
        <source>The spreadsheet template was saved to:
{path}

Fill in its sheets (the “Hướng dẫn” sheet explains every column), then choose File › Import from spreadsheet…</source>
        <translation>Đã lưu mẫu bảng tính vào:
{path}

Điền các trang của mẫu (trang «Hướng dẫn» giải thích từng cột), rồi chọn Tệp › Nhập từ bảng tính…</translation>
    </message>
    <message>
        <source>Import from spreadsheet</source>
        <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Đang kiểm tra {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Đang nhập {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Đã hủy nhập; chưa ghi gì.</translation>
    </message>
    <message>
        <source>Imported {file}: {created} created, {updated} updated.</source>
        <translation>Đã nhập {file}: tạo mới {created}, cập nhật {updated}.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>The people the unit already has</source>
        <translation>Danh sách người đơn vị đang có</translation>
    </message>
    <message>
        <source>If the unit keeps its outstanding members of the masses, sympathisers, probationary members or helpers in a spreadsheet, dvdesk can take them in. Save the template, copy the rows into its sheets (the “Hướng dẫn” sheet explains every column), then choose the file. dvdesk checks it first and shows what it would do; nothing is imported before you confirm.

This can also be done later: File › Import from spreadsheet…</source>
        <translation>Nếu đơn vị đang giữ danh sách quần chúng ưu tú, cảm tình Đảng, đảng viên dự bị hay người giúp đỡ trong bảng tính, dvdesk nhập được. Hãy lưu tệp mẫu, chép các dòng vào các trang của nó (trang “Hướng dẫn” giải thích từng cột), rồi chọn tệp. dvdesk kiểm tra trước và cho biết sẽ làm gì; chưa nhập gì khi bạn chưa đồng ý.

Việc này cũng làm được sau: Tệp › Nhập từ bảng tính…</translation>
    </message>
    <message>
        <source>Save the &amp;template…</source>
        <translation>Lưu tệp &amp;mẫu…</translation>
    </message>
    <message>
        <source>&amp;Choose the spreadsheet to import…</source>
        <translation>&amp;Chọn bảng tính để nhập…</translation>
    </message>
    <message>
        <source>Save the spreadsheet template</source>
        <translation>Lưu mẫu bảng tính</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>Đã lưu mẫu: {path}</translation>
    </message>
    <message>
        <source>Import from spreadsheet</source>
        <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>To be checked when dvdesk opens: {path}</source>
        <translation>Sẽ kiểm tra khi dvdesk mở: {path}</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>The file cannot be imported</source>
        <translation>Không nhập được tệp</translation>
    </message>
    <message numerus="yes">
        <source>%n mistake(s) in {file}. Correct them in the file and import it again.</source>
        <translation>
            <numerusform>Tệp {file} có %n lỗi. Hãy sửa trong tệp rồi nhập lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has been written to the database.</source>
        <translation>Chưa ghi gì vào cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Import from spreadsheet</source>
        <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
        <source>{file} was checked and can be imported.</source>
        <translation>Đã kiểm tra {file}: có thể nhập.</translation>
    </message>
    <message>
        <source>To create: {created}   To update: {updated}   Unchanged: {unchanged}</source>
        <translation>Sẽ tạo mới: {created}   Sẽ cập nhật: {updated}   Không đổi: {unchanged}</translation>
    </message>
    <message>
        <source>Nothing has been written to the database yet. Check the warnings, then choose Import.</source>
        <translation>Chưa ghi gì vào cơ sở dữ liệu. Xem các cảnh báo, rồi chọn Nhập.</translation>
    </message>
    <message>
        <source>Nothing has been written to the database yet.</source>
        <translation>Chưa ghi gì vào cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <source>{file} was imported.</source>
        <translation>Đã nhập {file}.</translation>
    </message>
    <message>
        <source>Created: {created}   Updated: {updated}   Unchanged: {unchanged}</source>
        <translation>Đã tạo mới: {created}   Đã cập nhật: {updated}   Không đổi: {unchanged}</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Cảnh báo:</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Exchange keys</source>
        <translation>Khóa trao đổi dữ liệu</translation>
    </message>
    <message>
        <source>This unit&apos;s keys</source>
        <translation>Khóa của đơn vị này</translation>
    </message>
    <message>
        <source>This unit has no exchange keys yet. Make them once. The passphrase protects the private key: it is asked for every time a file is sent or received, and without it no file can be opened. Keep it where the unit&apos;s seal is kept.</source>
        <translation>Đơn vị này chưa có khóa trao đổi dữ liệu. Chỉ cần tạo một lần. Mật khẩu bảo vệ khóa bí mật: mỗi lần gửi hoặc nhận tệp đều phải nhập, và không có nó thì không mở được tệp nào. Hãy cất giữ mật khẩu cẩn thận như con dấu của đơn vị.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
    <message>
        <source>&amp;Make the keys</source>
        <translation>&amp;Tạo khóa</translation>
    </message>
    <message>
        <source>&amp;Save public-key file…</source>
        <translation>&amp;Lưu tệp khóa công khai…</translation>
    </message>
    <message>
        <source>The file to give the other unit; it holds no secret.</source>
        <translation>Tệp để trao cho đơn vị kia; tệp không chứa gì bí mật.</translation>
    </message>
    <message>
        <source>&amp;Print fingerprint page…</source>
        <translation>&amp;In phiếu dấu vân tay…</translation>
    </message>
    <message>
        <source>A page to sign, stamp and send with the file, for the other unit to compare</source>
        <translation>Phiếu để ký, đóng dấu và gửi kèm tệp khóa, cho đơn vị kia đối chiếu</translation>
    </message>
    <message>
        <source>Re&amp;place keys…</source>
        <translation>Đổi &amp;khóa…</translation>
    </message>
    <message>
        <source>Keys of the other units</source>
        <translation>Khóa của các đơn vị khác</translation>
    </message>
    <message>
        <source>&amp;Import a key file…</source>
        <translation>&amp;Nhập tệp khóa…</translation>
    </message>
    <message>
        <source>&amp;Confirm fingerprint…</source>
        <translation>&amp;Xác nhận dấu vân tay…</translation>
    </message>
    <message>
        <source>{name} ({code}) · keys made {day} · key id {key_id}. Fingerprint, to compare with the printed page:</source>
        <translation>{name} ({code}) · tạo khóa ngày {day} · mã khóa {key_id}. Dấu vân tay, để đối chiếu với phiếu in:</translation>
    </message>
    <message>
        <source>Import the public-key file of each chi bộ, then confirm it against the page the chi bộ printed and signed.</source>
        <translation>Nhập tệp khóa công khai của từng chi bộ, rồi xác nhận theo phiếu dấu vân tay do chi bộ in và ký.</translation>
    </message>
    <message>
        <source>Import the public-key file of the office above, then confirm it against the page the office printed and signed.</source>
        <translation>Nhập tệp khóa công khai của cơ quan cấp trên, rồi xác nhận theo phiếu dấu vân tay do cơ quan đó in và ký.</translation>
    </message>
    <message>
        <source>The keys are made. Save the public-key file and print the fingerprint page for the other unit.</source>
        <translation>Đã tạo khóa. Hãy lưu tệp khóa công khai và in phiếu dấu vân tay để gửi đơn vị kia.</translation>
    </message>
    <message>
        <source>Save the public-key file</source>
        <translation>Lưu tệp khóa công khai</translation>
    </message>
    <message>
        <source>Public-key files (*.dvkey);;All files (*)</source>
        <translation>Tệp khóa công khai (*.dvkey);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Saved: {path}. Give it to the other unit with the printed fingerprint page.</source>
        <translation>Đã lưu: {path}. Hãy trao tệp này cho đơn vị kia cùng phiếu dấu vân tay đã in.</translation>
    </message>
    <message>
        <source>Fingerprint page</source>
        <translation>Phiếu dấu vân tay</translation>
    </message>
    <message>
        <source>The keys were replaced. Send the new public-key file and a new fingerprint page to the other unit; files made for the old key can still be read here.</source>
        <translation>Đã đổi khóa. Hãy gửi tệp khóa công khai mới và phiếu dấu vân tay mới cho đơn vị kia; các tệp làm cho khóa cũ vẫn đọc được ở đây.</translation>
    </message>
    <message>
        <source>Import a public-key file</source>
        <translation>Nhập tệp khóa công khai</translation>
    </message>
    <message>
        <source>The file could not be read: {path}: {error}</source>
        <translation>Không đọc được tệp {path}: {error}</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>The unit&apos;s exchange keys</source>
        <translation>Khóa trao đổi của đơn vị</translation>
    </message>
    <message>
        <source>Files between the unit and the office are signed and encrypted with the unit&apos;s keys. The passphrase protects them: it is asked for every time a file is sent or received, and without it no file can be opened. Keep it where the unit&apos;s seal is kept; it is not the account password.</source>
        <translation>Các tệp giữa đơn vị và cơ quan cấp trên được ký và mã hóa bằng khóa của đơn vị. Cụm mật khẩu bảo vệ khóa: mỗi lần gửi hay nhận tệp đều phải nhập, và không có nó thì không mở được tệp nào. Hãy cất nó cùng nơi giữ con dấu của đơn vị; đây không phải mật khẩu tài khoản.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
</context>
<context>
    <name>LeftDialog</name>
    <message>
        <source>Transferred out or deceased</source>
        <translation>Chuyển đi hoặc từ trần</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Chuyển sinh hoạt đi</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Từ trần</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Transferred &amp;to:</source>
        <translation>Chuyển đến &amp;nơi:</translation>
    </message>
    <message>
        <source>Their current introductions and help end on this date.</source>
        <translation>Các việc giới thiệu, giúp đỡ đang làm của đảng viên này kết thúc vào ngày này.</translation>
    </message>
    <message>
        <source>{name} leaves the cell</source>
        <translation>{name} rời chi bộ</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Type to filter; accents optional</source>
        <translation>Gõ để lọc; có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>The list could not be loaded.</source>
        <translation>Không tải được danh sách.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} trong số {total}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No unit set up</source>
        <translation>Chưa khởi tạo đơn vị</translation>
    </message>
    <message>
        <source>&amp;Candidates</source>
        <translation>&amp;Người vào Đảng</translation>
    </message>
    <message>
        <source>&amp;Mentors</source>
        <translation>Đảng &amp;viên</translation>
    </message>
    <message>
        <source>C&amp;lasses</source>
        <translation>&amp;Lớp học</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>People on their way into the Party</source>
        <translation>Những người đang trong quá trình phát triển đảng viên</translation>
    </message>
    <message>
        <source>The unit&apos;s Party members, who introduce and help</source>
        <translation>Đảng viên của đơn vị: người giới thiệu, người giúp đỡ</translation>
    </message>
    <message>
        <source>Awareness classes and new-member classes</source>
        <translation>Lớp bồi dưỡng nhận thức về Đảng và lớp đảng viên mới</translation>
    </message>
    <message>
        <source>The yearly plan, the half-year and year reports, the procedure check</source>
        <translation>Kế hoạch năm, báo cáo sơ kết 6 tháng và tổng kết năm, kiểm tra thủ tục</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>Cơ &amp;quan</translation>
    </message>
    <message>
        <source>The office&apos;s own work: the monthly review of dossiers and its decisions, the units&apos; plans, targets and the emulation ranking</source>
        <translation>Công việc của cơ quan: xét hồ sơ hằng tháng và ra quyết định, kế hoạch của các đơn vị, giao chỉ tiêu và xếp hạng thi đua</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Thêm người…</translation>
    </message>
    <message>
        <source>Create spreadsheet &amp;template…</source>
        <translation>Tạo &amp;mẫu bảng tính…</translation>
    </message>
    <message>
        <source>Save an empty workbook to fill in with people and members</source>
        <translation>Lưu một bảng tính trống để điền người vào Đảng và đảng viên</translation>
    </message>
    <message>
        <source>&amp;Import from spreadsheet…</source>
        <translation>&amp;Nhập từ bảng tính…</translation>
    </message>
    <message>
        <source>Check a filled-in workbook or CSV file, then bring its people in</source>
        <translation>Kiểm tra một bảng tính hoặc tệp CSV đã điền, rồi nhập những người trong đó</translation>
    </message>
    <message>
        <source>Print the &amp;probationary members&apos; register (18-KNĐ)…</source>
        <translation>In &amp;sổ đảng viên dự bị (18-KNĐ)…</translation>
    </message>
    <message>
        <source>Document &amp;register…</source>
        <translation>Sổ đăng &amp;ký văn bản…</translation>
    </message>
    <message>
        <source>Every number issued to resolutions, decisions, plans and reports</source>
        <translation>Mọi số đã cấp cho nghị quyết, quyết định, kế hoạch, báo cáo</translation>
    </message>
    <message>
        <source>Print &amp;settings…</source>
        <translation>&amp;Thiết lập in…</translation>
    </message>
    <message>
        <source>Margins, the committee&apos;s name, who signs, the place on the date line</source>
        <translation>Lề trang, tên cấp ủy, người ký, địa danh trên dòng ngày tháng</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Sao &amp;lưu ngay</translation>
    </message>
    <message>
        <source>An encrypted copy of all the data, in the backups folder</source>
        <translation>Một bản sao đã mã hóa của toàn bộ dữ liệu, trong thư mục sao lưu</translation>
    </message>
    <message>
        <source>Rest&amp;ore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Nhật ký t&amp;hao tác…</translation>
    </message>
    <message>
        <source>Who viewed, printed, exported or changed what, and when</source>
        <translation>Ai đã xem, in, xuất hay sửa gì, vào lúc nào</translation>
    </message>
    <message>
        <source>Personal &amp;data retention…</source>
        <translation>Thời hạn &amp;giữ dữ liệu cá nhân…</translation>
    </message>
    <message>
        <source>How long the units below keep the data of people who left without being admitted</source>
        <translation>Các đơn vị trực thuộc giữ dữ liệu của người thôi xem xét, không được kết nạp trong bao lâu</translation>
    </message>
    <message>
        <source>C&amp;heck the database</source>
        <translation>Kiểm tra &amp;dữ liệu</translation>
    </message>
    <message>
        <source>Look for damage and broken references</source>
        <translation>Tìm chỗ hỏng và các tham chiếu bị đứt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Làm &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Install an &amp;update from a file…</source>
        <translation>Cài bản &amp;cập nhật từ tệp…</translation>
    </message>
    <message>
        <source>A new version of dvdesk, checked against the office&apos;s signature first</source>
        <translation>Phiên bản mới của dvdesk, được kiểm tra chữ ký của cơ quan cấp trên trước khi cài</translation>
    </message>
    <message>
        <source>&amp;About dvdesk</source>
        <translation>&amp;Giới thiệu dvdesk</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>Tài &amp;khoản</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Khóa màn hình</translation>
    </message>
    <message>
        <source>Hide the data until the password is typed again</source>
        <translation>Ẩn dữ liệu cho đến khi nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>&amp;Quản lý tài khoản…</translation>
    </message>
    <message>
        <source>Accounts and roles, the recovery key, when the screen locks</source>
        <translation>Tài khoản và vai trò, mã khôi phục, thời gian tự khóa màn hình</translation>
    </message>
    <message>
        <source>Signed in: {who}</source>
        <translation>Đang đăng nhập: {who}</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>T&amp;rao đổi</translation>
    </message>
    <message>
        <source>&amp;Keys…</source>
        <translation>&amp;Khóa…</translation>
    </message>
    <message>
        <source>This unit&apos;s keys and fingerprint, and the keys of the units it exchanges with</source>
        <translation>Khóa và dấu vân tay của đơn vị này, và khóa của các đơn vị trao đổi dữ liệu với đơn vị</translation>
    </message>
    <message>
        <source>&amp;Send a file…</source>
        <translation>&amp;Gửi tệp…</translation>
    </message>
    <message>
        <source>Write the next exchange file (.dvb) for a unit</source>
        <translation>Ghi tệp trao đổi (.dvb) tiếp theo cho một đơn vị</translation>
    </message>
    <message>
        <source>&amp;Receive files…</source>
        <translation>&amp;Nhận tệp…</translation>
    </message>
    <message>
        <source>Check and take in exchange files (.dvb)</source>
        <translation>Kiểm tra và nhận các tệp trao đổi (.dvb)</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Xung đột…</translation>
    </message>
    <message>
        <source>Records changed on both sides: choose which version stands</source>
        <translation>Bản ghi bị sửa ở cả hai bên: chọn bản được giữ</translation>
    </message>
    <message>
        <source>&amp;Units…</source>
        <translation>Đơn &amp;vị…</translation>
    </message>
    <message>
        <source>Every unit below: keys, files exchanged, how long each has been silent</source>
        <translation>Các đơn vị trực thuộc: khóa, tệp đã trao đổi, bao lâu chưa gửi gì</translation>
    </message>
    <message>
        <source>&amp;Conflicts ({count})…</source>
        <translation>&amp;Xung đột ({count})…</translation>
    </message>
    <message>
        <source>Personal data retention</source>
        <translation>Thời hạn giữ dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Months after which the units erase the personal data of people who left without being admitted (0: never; otherwise {low} to {high}):</source>
        <translation>Số tháng sau đó các đơn vị xóa dữ liệu cá nhân của người thôi xem xét, không được kết nạp (0: không xóa; nếu đặt thì từ {low} đến {high}):</translation>
    </message>
    <message>
        <source>The retention period is saved.</source>
        <translation>Đã lưu thời hạn giữ dữ liệu.</translation>
    </message>
    <message>
        <source>The account signed in, and its role</source>
        <translation>Tài khoản đang đăng nhập và vai trò</translation>
    </message>
    <message>
        <source>Shared database: {where}</source>
        <translation>Cơ sở dữ liệu dùng chung: {where}</translation>
    </message>
    <message>
        <source>Print settings saved.</source>
        <translation>Đã lưu thiết lập in.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue step(s)</source>
        <translation>
            <numerusform>%n việc quá hạn</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Không có việc quá hạn</translation>
    </message>
    <message>
        <source>dvdesk {version}: developing new Party members.</source>
        <translation>dvdesk {version}: phần mềm hỗ trợ công tác phát triển đảng viên.</translation>
    </message>
    <message>
        <source>Unit: {name} ({code})</source>
        <translation>Đơn vị: {name} ({code})</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>Thư mục dữ liệu: {path}</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Tệp nhật ký: {path}</translation>
    </message>
    <message>
        <source>About dvdesk</source>
        <translation>Giới thiệu dvdesk</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit Party member</source>
        <translation>Sửa thông tin đảng viên</translation>
    </message>
    <message>
        <source>New Party member</source>
        <translation>Thêm đảng viên</translation>
    </message>
    <message>
        <source>&amp;Full name*:</source>
        <translation>&amp;Họ và tên*:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Ngà&amp;y sinh:</translation>
    </message>
    <message>
        <source>CCC&amp;D number:</source>
        <translation>Số CCC&amp;D:</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Trạng thái:</translation>
    </message>
    <message>
        <source>&amp;Admission decision date:</source>
        <translation>Ngày quyết định &amp;kết nạp:</translation>
    </message>
    <message>
        <source>C&amp;eremony date:</source>
        <translation>Ngày &amp;lễ kết nạp:</translation>
    </message>
    <message>
        <source>Official &amp;since:</source>
        <translation>Ngày chính &amp;thức:</translation>
    </message>
    <message>
        <source>Party &amp;card number:</source>
        <translation>Số thẻ đảng &amp;viên:</translation>
    </message>
    <message>
        <source>&amp;Joined this cell on:</source>
        <translation>Ngày &amp;về chi bộ:</translation>
    </message>
    <message>
        <source>Full name: required.</source>
        <translation>Họ và tên: bắt buộc.</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Admitted on</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Official since</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Số thẻ đảng viên</translation>
    </message>
    <message>
        <source>In this cell since</source>
        <translation>Ngày về chi bộ</translation>
    </message>
    <message>
        <source>Left on {date}</source>
        <translation>Rời chi bộ ngày {date}</translation>
    </message>
</context>
<context>
    <name>MentorsTab</name>
    <message>
        <source>Party members of the unit</source>
        <translation>Đảng viên của đơn vị</translation>
    </message>
    <message>
        <source>&amp;Add Party member…</source>
        <translation>Thê&amp;m đảng viên…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Transferred out / deceased…</source>
        <translation>Chuyển đi / từ &amp;trần…</translation>
    </message>
    <message>
        <source>Assign &amp;introducer / helper…</source>
        <translation>&amp;Phân công giới thiệu / giúp đỡ…</translation>
    </message>
    <message>
        <source>Selected member</source>
        <translation>Đảng viên đang chọn</translation>
    </message>
    <message>
        <source>Introductions and help</source>
        <translation>Giới thiệu và giúp đỡ</translation>
    </message>
    <message>
        <source>Helper&apos;s notes</source>
        <translation>Ghi chép của người giúp đỡ</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>Thêm &amp;ghi chép…</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Mentoring warnings</source>
        <translation>Cảnh báo về giới thiệu, giúp đỡ</translation>
    </message>
    <message>
        <source>Select a member to see whom they help or introduce.</source>
        <translation>Chọn một đảng viên để xem họ đang giúp đỡ, giới thiệu ai.</translation>
    </message>
    <message>
        <source>{name}: introduces {introducing}, helps {helping} now (load {load}).</source>
        <translation>{name}: đang giới thiệu {introducing}, giúp đỡ {helping} người (tổng {load}).</translation>
    </message>
    <message>
        <source>Left the cell on {date}.</source>
        <translation>Đã rời chi bộ ngày {date}.</translation>
    </message>
    <message>
        <source>(no introductions or help yet)</source>
        <translation>(chưa giới thiệu, giúp đỡ ai)</translation>
    </message>
    <message>
        <source>{person} — {role}, {start} to {end}</source>
        <translation>{person} — {role}, từ {start} đến {end}</translation>
    </message>
    <message>
        <source>{person} — {role} since {start}</source>
        <translation>{person} — {role} từ {start}</translation>
    </message>
    <message>
        <source>Select a help above to see its notes.</source>
        <translation>Chọn một việc giúp đỡ ở trên để xem ghi chép.</translation>
    </message>
    <message>
        <source>Notes on {person}:</source>
        <translation>Ghi chép về {person}:</translation>
    </message>
    <message>
        <source>{date} ({helper}): {text}</source>
        <translation>{date} ({helper}): {text}</translation>
    </message>
    <message>
        <source>(no notes yet)</source>
        <translation>(chưa có ghi chép)</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>Cảnh báo: {message}</translation>
    </message>
    <message>
        <source>No warnings: every candidate has a helper.</source>
        <translation>Không có cảnh báo: mọi quần chúng đều có người giúp đỡ.</translation>
    </message>
    <message>
        <source>Note on {person}</source>
        <translation>Ghi chép về {person}</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n member(s) so far</source>
        <translation>
            <numerusform>Đang tải… đã có %n đảng viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n đảng viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %n member(s)</source>
        <translation>
            <numerusform>Hiển thị {shown} trong số %n đảng viên</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NominateDialog</name>
    <message>
        <source>Nominate people</source>
        <translation>Cử người đi học</translation>
    </message>
    <message>
        <source>Type to filter; accents optional</source>
        <translation>Gõ để lọc; có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>&amp;People who may attend (tick to nominate):</source>
        <translation>&amp;Những người được học (đánh dấu để cử):</translation>
    </message>
    <message>
        <source>No one is waiting for this kind of class.</source>
        <translation>Không có ai đang chờ học loại lớp này.</translation>
    </message>
    <message>
        <source>Nominated &amp;on:</source>
        <translation>&amp;Ngày cử:</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy.</source>
        <translation>Không phải ngày: hãy viết theo dạng nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Tick at least one person.</source>
        <translation>Hãy đánh dấu ít nhất một người.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Helper&apos;s note</source>
        <translation>Ghi chép của người giúp đỡ</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <source>Monthly review</source>
        <translation>Xét hồ sơ hằng tháng</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Kế hoạch của các đơn vị</translation>
    </message>
    <message>
        <source>Targets and emulation</source>
        <translation>Chỉ tiêu và thi đua</translation>
    </message>
    <message>
        <source>The dossiers the chi bộ have sent up, for the meeting&apos;s decisions</source>
        <translation>Các hồ sơ chi bộ đã gửi lên, để cuộc họp xét và ra quyết định</translation>
    </message>
    <message>
        <source>Which units have sent their yearly plan, and what it commits to</source>
        <translation>Những đơn vị đã gửi kế hoạch năm và chỉ tiêu kế hoạch đăng ký</translation>
    </message>
    <message>
        <source>The target against what was admitted, and the units ranked</source>
        <translation>Kết quả kết nạp so với chỉ tiêu, và xếp hạng các đơn vị</translation>
    </message>
    <message>
        <source>The year of the plans, the targets and the ranking</source>
        <translation>Năm của kế hoạch, chỉ tiêu và xếp hạng</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>The date of the office&apos;s meeting: the decisions bear it</source>
        <translation>Ngày họp xét của cơ quan: các quyết định ghi ngày này</translation>
    </message>
    <message>
        <source>Meeting &amp;date:</source>
        <translation>Ngày &amp;họp:</translation>
    </message>
    <message>
        <source>Select &amp;all ready</source>
        <translation>Chọn các hồ sơ đủ điều &amp;kiện</translation>
    </message>
    <message>
        <source>Select every dossier marked ✓</source>
        <translation>Chọn mọi hồ sơ có dấu ✓</translation>
    </message>
    <message>
        <source>No dossier is waiting for the office&apos;s decision.</source>
        <translation>Không có hồ sơ nào đang chờ cơ quan ra quyết định.</translation>
    </message>
    <message>
        <source>Dossiers waiting for a decision</source>
        <translation>Hồ sơ chờ ra quyết định</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the person</source>
        <translation>Nhấp đúp hoặc nhấn Enter để mở hồ sơ người này</translation>
    </message>
    <message>
        <source>&amp;Issue decisions for the selected…</source>
        <translation>Ra quyết định cho các hồ sơ đã &amp;chọn…</translation>
    </message>
    <message>
        <source>Record the office&apos;s decision for each selected dossier, number it in the register and print it (9-KNĐ, or 16-KNĐ for recognition)</source>
        <translation>Ghi nhận quyết định của cơ quan cho từng hồ sơ đã chọn, lấy số trong sổ đăng ký văn bản và in quyết định (9-KNĐ, hoặc 16-KNĐ khi công nhận đảng viên chính thức)</translation>
    </message>
    <message>
        <source>Double-click a line to open the person in the Candidates tab.</source>
        <translation>Nhấp đúp vào một dòng để mở người đó ở thẻ Người vào Đảng.</translation>
    </message>
    <message>
        <source>The units&apos; yearly plans</source>
        <translation>Kế hoạch năm của các đơn vị</translation>
    </message>
    <message>
        <source>Plan commits to: the admissions in the unit&apos;s own plan. Target given: the share of the office&apos;s target in the office&apos;s plan (Reports tab, Plan). A plan short of the target commits to fewer.</source>
        <translation>Kế hoạch đăng ký: số người kết nạp trong kế hoạch của đơn vị. Chỉ tiêu được giao: phần chỉ tiêu cơ quan giao trong kế hoạch của cơ quan (thẻ Báo cáo, trang Kế hoạch). Kế hoạch thấp hơn chỉ tiêu là kế hoạch đăng ký ít hơn số được giao.</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Toàn bộ các đơn vị</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <source>Admitted:</source>
        <translation>Đã kết nạp:</translation>
    </message>
    <message>
        <source>Given to the units:</source>
        <translation>Đã giao cho các đơn vị:</translation>
    </message>
    <message>
        <source>Youth Union members:</source>
        <translation>Là đoàn viên:</translation>
    </message>
    <message>
        <source>The units ranked for the emulation review</source>
        <translation>Xếp hạng các đơn vị để bình xét thi đua</translation>
    </message>
    <message>
        <source>How the order is made: units given a target come first; then the larger share of the target admitted; then the larger share of Youth Union members among those admitted; then fewer rule errors; then fewer overdue acts; then more people admitted. Units equal on all of these share a rank. The order informs the emulation review; it decides no reward.</source>
        <translation>Cách xếp hạng: đơn vị được giao chỉ tiêu xếp trước; tiếp đến tỷ lệ hoàn thành chỉ tiêu kết nạp cao hơn; rồi tỷ lệ đoàn viên trong số được kết nạp cao hơn; rồi ít sai sót về quy định hơn; rồi ít việc quá hạn hơn; rồi kết nạp được nhiều người hơn. Các đơn vị bằng nhau ở mọi tiêu chí thì đồng hạng. Thứ tự này để tham khảo khi bình xét thi đua, không tự quyết định việc khen thưởng.</translation>
    </message>
    <message>
        <source>Reading the units&apos; figures…</source>
        <translation>Đang đọc số liệu của các đơn vị…</translation>
    </message>
    <message>
        <source>{ready} ready, {incomplete} incomplete</source>
        <translation>{ready} hồ sơ đủ điều kiện, {incomplete} hồ sơ chưa đủ</translation>
    </message>
    <message>
        <source>No units below this office yet.</source>
        <translation>Cơ quan chưa có đơn vị trực thuộc.</translation>
    </message>
    <message>
        <source>{received} of {total} units have sent their plan for {year}; due {date}.</source>
        <translation>{received}/{total} đơn vị đã gửi kế hoạch năm {year}; hạn gửi {date}.</translation>
    </message>
    <message>
        <source>{received} of {total} units have sent their plan for {year}; the office&apos;s plan sets no date.</source>
        <translation>{received}/{total} đơn vị đã gửi kế hoạch năm {year}; kế hoạch của cơ quan chưa đặt hạn gửi.</translation>
    </message>
    <message>
        <source>{late} late.</source>
        <translation>{late} đơn vị chậm gửi.</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} người</translation>
    </message>
    <message>
        <source>{admitted} ({percent} of the target)</source>
        <translation>{admitted} người ({percent} chỉ tiêu)</translation>
    </message>
    <message>
        <source>{given} of {target}</source>
        <translation>{given}/{target} người</translation>
    </message>
    <message>
        <source>{count} of a target of {target} ({share}%)</source>
        <translation>{count}/{target} người theo chỉ tiêu ({share}%)</translation>
    </message>
    <message>
        <source>The year {year}, as of {date}.</source>
        <translation>Năm {year}, tính đến ngày {date}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>The year {year}, as of {date}. The office has no plan for {year}: no target to measure against (Reports tab, Plan).</source>
        <translation>Năm {year}, tính đến ngày {date}. Cơ quan chưa có kế hoạch năm {year}: không có chỉ tiêu để đối chiếu (thẻ Báo cáo, trang Kế hoạch).</translation>
    </message>
    <message>
        <source>Choose the dossiers to decide first.</source>
        <translation>Hãy chọn các hồ sơ cần ra quyết định trước.</translation>
    </message>
    <message>
        <source>Nothing issued: these dossiers are not ready: {names}. Choose only dossiers marked ✓ (the reason is in the last column).</source>
        <translation>Chưa ra quyết định nào: các hồ sơ sau chưa đủ điều kiện: {names}. Chỉ chọn các hồ sơ có dấu ✓ (lý do ghi ở cột cuối).</translation>
    </message>
    <message>
        <source>Issue decisions</source>
        <translation>Ra quyết định</translation>
    </message>
    <message>
        <source>Issue decisions for {count} people, dated {date}? Each takes the next number in the register.</source>
        <translation>Ra quyết định cho {count} người, ngày {date}? Mỗi quyết định lấy số tiếp theo trong sổ đăng ký văn bản.</translation>
    </message>
    <message>
        <source>Issuing the decisions…</source>
        <translation>Đang ra quyết định…</translation>
    </message>
    <message>
        <source>Decisions issued on {date}: {decisions}</source>
        <translation>Đã ra quyết định ngày {date}: {decisions}</translation>
    </message>
    <message>
        <source>{count} decisions issued on {date}, numbers {first} to {last} (hover for the list).</source>
        <translation>Đã ra {count} quyết định ngày {date}, từ số {first} đến số {last} (đưa chuột vào đây để xem danh sách).</translation>
    </message>
    <message>
        <source>Decisions of {date}</source>
        <translation>Các quyết định ngày {date}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>Zoom out ({key})</source>
        <translation>Thu nhỏ ({key})</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom in ({key})</source>
        <translation>Phóng to ({key})</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>&amp;Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit the page to the window&apos;s width (Ctrl+0)</source>
        <translation>Hiển thị trang vừa chiều rộng cửa sổ (Ctrl+0)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>A secret (MẬT) dossier is printed on paper only, never saved as a file.</source>
        <translation>Hồ sơ mật chỉ được in ra giấy, không được lưu thành tệp.</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Trang {page}/{count}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>Chưa lưu được PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Chưa in được</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>Không khởi động được máy in. Hãy kiểm tra máy in đã bật và đã được kết nối, rồi thử lại.</translation>
    </message>
    <message>
        <source>Printing page {page} ({done} of {total})…</source>
        <translation>Đang in trang {page} ({done}/{total})…</translation>
    </message>
</context>
<context>
    <name>PeerKeyModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Đối chiếu</translation>
    </message>
    <message>
        <source>Office above</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <source>✓ Confirmed</source>
        <translation>✓ Đã xác nhận</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Chưa xác nhận</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Sửa thông tin cá nhân</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <source>&amp;Full name*:</source>
        <translation>&amp;Họ và tên*:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(chưa ghi)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Ngà&amp;y sinh:</translation>
    </message>
    <message>
        <source>CCC&amp;D number:</source>
        <translation>Số CCC&amp;D:</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>&amp;Ethnicity:</source>
        <translation>Dân tộ&amp;c:</translation>
    </message>
    <message>
        <source>Rel&amp;igion:</source>
        <translation>Tôn g&amp;iáo:</translation>
    </message>
    <message>
        <source>&amp;Place of birth:</source>
        <translation>Nơi &amp;sinh:</translation>
    </message>
    <message>
        <source>&amp;Home town:</source>
        <translation>&amp;Quê quán:</translation>
    </message>
    <message>
        <source>Permanent &amp;residence:</source>
        <translation>Nơi thường t&amp;rú:</translation>
    </message>
    <message>
        <source>Education and occupation</source>
        <translation>Học vấn và nghề nghiệp</translation>
    </message>
    <message>
        <source>General ed&amp;ucation:</source>
        <translation>Trình độ giáo dục &amp;phổ thông:</translation>
    </message>
    <message>
        <source>e.g. 12/12</source>
        <translation>ví dụ 12/12</translation>
    </message>
    <message>
        <source>O&amp;ccupation:</source>
        <translation>&amp;Nghề nghiệp:</translation>
    </message>
    <message>
        <source>Mass organisations</source>
        <translation>Đoàn thể</translation>
    </message>
    <message>
        <source>&amp;Youth Union member</source>
        <translation>Là đoàn &amp;viên</translation>
    </message>
    <message>
        <source>Date &amp;joined the Youth Union:</source>
        <translation>Ngày vào Đ&amp;oàn:</translation>
    </message>
    <message>
        <source>&amp;Trade union member</source>
        <translation>&amp;Là công đoàn viên</translation>
    </message>
    <message>
        <source>Date joi&amp;ned the trade union:</source>
        <translation>Ngày vào Công đ&amp;oàn:</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>Party ce&amp;ll:</source>
        <translation>Chi &amp;bộ:</translation>
    </message>
    <message>
        <source>Started &amp;work at the unit on:</source>
        <translation>Ngày bắt đầ&amp;u công tác tại đơn vị:</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Gia đình</translation>
    </message>
    <message>
        <source>Family members</source>
        <translation>Thành viên gia đình</translation>
    </message>
    <message>
        <source>Family member&amp;s:</source>
        <translation>Thành viên gi&amp;a đình:</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Thêm dòng</translation>
    </message>
    <message>
        <source>Re&amp;move row</source>
        <translation>&amp;Xóa dòng</translation>
    </message>
    <message>
        <source>Save (Ctrl+S or Enter)</source>
        <translation>Lưu (Ctrl+S hoặc Enter)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: correct the fields marked below (%n problem(s)).</source>
        <translation>
            <numerusform>Chưa lưu: hãy sửa %n chỗ được đánh dấu bên dưới.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Chưa lưu: {message}</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Person details</source>
        <translation>Hồ sơ người đang chọn</translation>
    </message>
    <message>
        <source>Person det&amp;ails:</source>
        <translation>Hồ sơ đ&amp;ang chọn:</translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation>Chưa chọn ai</translation>
    </message>
    <message>
        <source>Choose a person in the list to see their file here.</source>
        <translation>Chọn một người trong danh sách để xem hồ sơ ở đây.</translation>
    </message>
    <message>
        <source>This person could not be loaded.</source>
        <translation>Không đọc được hồ sơ của người này.</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>Mã {code}</translation>
    </message>
    <message>
        <source>SECRET (MẬT)</source>
        <translation>MẬT</translation>
    </message>
    <message>
        <source>Open deadlines</source>
        <translation>Thời hạn đang mở</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>hết hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n ngày trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>còn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>No open deadlines.</source>
        <translation>Không có thời hạn nào đang mở.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Consent signed on {date}.</source>
        <translation>Đã ký đồng ý xử lý dữ liệu ngày {date}.</translation>
    </message>
    <message>
        <source>No signed consent under the current notice: print TB-DLCN from the Print menu, and record it once signed.</source>
        <translation>Chưa có ý kiến đồng ý theo thông báo hiện hành: in mẫu TB-DLCN từ menu In biểu mẫu, và ghi nhận khi người đó đã ký.</translation>
    </message>
    <message>
        <source>Secret dossier: it prints marked and is never saved as a file.</source>
        <translation>Hồ sơ mật: in ra có dấu mật, không bao giờ lưu thành tệp.</translation>
    </message>
    <message>
        <source>Rule findings</source>
        <translation>Kết quả kiểm tra theo quy định</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <source>Basis: {basis}</source>
        <translation>Căn cứ: {basis}</translation>
    </message>
    <message>
        <source>No rule findings.</source>
        <translation>Không phát hiện vấn đề nào theo quy định.</translation>
    </message>
    <message>
        <source>Dossier checklist (as of {date})</source>
        <translation>Danh mục hồ sơ (tính đến {date})</translation>
    </message>
    <message>
        <source>present, dated {date}</source>
        <translation>đã có, ngày {date}</translation>
    </message>
    <message>
        <source>, valid until {date}</source>
        <translation>, còn giá trị đến {date}</translation>
    </message>
    <message>
        <source>out of date: dated {date}, valid until {until}</source>
        <translation>đã hết giá trị: ngày {date}, chỉ có giá trị đến {until}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>còn thiếu</translation>
    </message>
    <message>
        <source>Helper and introducers</source>
        <translation>Người giúp đỡ và người giới thiệu</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Người giúp đỡ</translation>
    </message>
    <message>
        <source>Introducer</source>
        <translation>Người giới thiệu</translation>
    </message>
    <message>
        <source>official member</source>
        <translation>đảng viên chính thức</translation>
    </message>
    <message>
        <source>probationary member</source>
        <translation>đảng viên dự bị</translation>
    </message>
    <message>
        <source>, from {date}</source>
        <translation>, từ {date}</translation>
    </message>
    <message>
        <source> to {date}</source>
        <translation> đến {date}</translation>
    </message>
    <message>
        <source> (replacement)</source>
        <translation> (thay thế)</translation>
    </message>
    <message>
        <source>No helper or introducer assigned yet.</source>
        <translation>Chưa phân công người giúp đỡ hay người giới thiệu.</translation>
    </message>
    <message>
        <source>Classes and certificates</source>
        <translation>Lớp học và giấy chứng nhận</translation>
    </message>
    <message>
        <source>Awareness class</source>
        <translation>Lớp bồi dưỡng nhận thức về Đảng</translation>
    </message>
    <message>
        <source>New member class</source>
        <translation>Lớp bồi dưỡng đảng viên mới</translation>
    </message>
    <message>
        <source>{kind}: certificate {number}, issued {date}</source>
        <translation>{kind}: giấy chứng nhận số {number}, cấp ngày {date}</translation>
    </message>
    <message>
        <source>No certificates yet.</source>
        <translation>Chưa có giấy chứng nhận nào.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Diễn biến theo thời gian</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Chưa ghi nhận sự kiện nào.</translation>
    </message>
</context>
<context>
    <name>PipelineActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Pipeline &amp;actions</source>
        <translation>&amp;Các bước kết nạp</translation>
    </message>
    <message>
        <source>No action at this stage</source>
        <translation>Không có bước nào ở giai đoạn này</translation>
    </message>
    <message>
        <source>Recorded: {action}. Stage now: {stage}.</source>
        <translation>Đã ghi: {action}. Giai đoạn hiện tại: {stage}.</translation>
    </message>
    <message>
        <source>Undone: {action}. Stage now: {stage}.</source>
        <translation>Đã hoàn tác: {action}. Giai đoạn hiện tại: {stage}.</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Không thể hoàn tác</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Không có gì để hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Undo: {action}</source>
        <translation>&amp;Hoàn tác: {action}</translation>
    </message>
    <message>
        <source>Undo: {action} (Ctrl+Z)</source>
        <translation>Hoàn tác: {action} (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan for developing new members, {year}</source>
        <translation>Kế hoạch phát triển đảng viên năm {year}</translation>
    </message>
    <message>
        <source>Edit the plan for {year}</source>
        <translation>Sửa kế hoạch năm {year}</translation>
    </message>
    <message>
        <source>Fill in the &amp;founding bloc plan</source>
        <translation>Điền sẵn kế hoạch của &amp;Khối</translation>
    </message>
    <message>
        <source>200 admissions, 70% of them Youth Union members, 3–4 awareness classes and 2–3 new-member classes, a review every month, base plans due 5 March</source>
        <translation>Kết nạp 200 đảng viên, trong đó 70% là đoàn viên; mở 3–4 lớp bồi dưỡng nhận thức về Đảng và 2–3 lớp đảng viên mới; sơ kết hằng tháng; các cơ sở gửi kế hoạch trước ngày 5 tháng 3</translation>
    </message>
    <message>
        <source>Targets and deadlines</source>
        <translation>Chỉ tiêu và thời hạn</translation>
    </message>
    <message>
        <source>Text of the plan</source>
        <translation>Nội dung kế hoạch</translation>
    </message>
    <message>
        <source>Targets per unit</source>
        <translation>Giao chỉ tiêu</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Tối thiểu</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>lớp</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source> people</source>
        <translation> người</translation>
    </message>
    <message>
        <source>People to &amp;admit:</source>
        <translation>Số người &amp;kết nạp:</translation>
    </message>
    <message>
        <source>of them &amp;Youth Union members:</source>
        <translation>trong đó đoàn &amp;viên:</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <source>People to send to the a&amp;wareness class:</source>
        <translation>Số người cử học lớp &amp;nhận thức về Đảng:</translation>
    </message>
    <message>
        <source>People to send to the &amp;new-member class:</source>
        <translation>Số người cử học lớp đảng viên &amp;mới:</translation>
    </message>
    <message>
        <source>Awareness &amp;classes to hold:</source>
        <translation>Số &amp;lớp nhận thức về Đảng:</translation>
    </message>
    <message>
        <source>New-&amp;member classes to hold:</source>
        <translation>Số lớ&amp;p đảng viên mới:</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>hằng tháng</translation>
    </message>
    <message>
        <source>every quarter</source>
        <translation>hằng quý</translation>
    </message>
    <message>
        <source>&amp;Review progress:</source>
        <translation>&amp;Sơ kết, đánh giá:</translation>
    </message>
    <message>
        <source>Units send their own plans &amp;by:</source>
        <translation>Hạn các đơn vị gửi kế &amp;hoạch:</translation>
    </message>
    <message>
        <source>&amp;Half-year report due:</source>
        <translation>Hạn báo cáo sơ kết &amp;6 tháng:</translation>
    </message>
    <message>
        <source>Year report d&amp;ue:</source>
        <translation>Hạn báo cáo &amp;tổng kết năm:</translation>
    </message>
    <message>
        <source>Each line prints as a paragraph; a line starting with &quot;- &quot; prints as an item.</source>
        <translation>Mỗi dòng in thành một đoạn; dòng bắt đầu bằng &quot;- &quot; in thành một gạch đầu dòng.</translation>
    </message>
    <message>
        <source>I. &amp;Purpose and requirements:</source>
        <translation>I. Mục đích, &amp;yêu cầu:</translation>
    </message>
    <message>
        <source>III. &amp;Tasks and measures:</source>
        <translation>III. Nhiệm vụ, &amp;giải pháp:</translation>
    </message>
    <message>
        <source>IV. &amp;Organising the work:</source>
        <translation>IV. Tổ chức thực &amp;hiện:</translation>
    </message>
    <message>
        <source>The share of the target given to each unit below (0: none given).</source>
        <translation>Chỉ tiêu giao cho từng đơn vị trực thuộc (0: không giao).</translation>
    </message>
    <message>
        <source>&amp;Share out by each unit&apos;s pool</source>
        <translation>&amp;Chia theo nguồn phát triển của từng đơn vị</translation>
    </message>
    <message>
        <source>Share the people to admit among the units in proportion to the people each could still admit (from the outstanding masses up to the chi bộ&apos;s vote). Check the numbers, change any you wish, then Save.</source>
        <translation>Chia chỉ tiêu kết nạp cho các đơn vị theo tỷ lệ số người mỗi đơn vị còn có thể kết nạp (từ quần chúng ưu tú đến khi chi bộ biểu quyết đề nghị kết nạp). Kiểm tra lại, sửa nếu cần, rồi bấm Lưu.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>People to admit</source>
        <translation>Chỉ tiêu kết nạp</translation>
    </message>
    <message>
        <source>To the awareness class</source>
        <translation>Cử học lớp nhận thức</translation>
    </message>
    <message>
        <source>People to admit: {unit}</source>
        <translation>Chỉ tiêu kết nạp: {unit}</translation>
    </message>
    <message>
        <source>To the awareness class: {unit}</source>
        <translation>Cử học lớp nhận thức: {unit}</translation>
    </message>
    <message>
        <source>Write the people to admit (first page) before sharing them out.</source>
        <translation>Hãy nhập số người kết nạp (trang đầu) trước khi chia cho các đơn vị.</translation>
    </message>
    <message>
        <source>= {count} of the people admitted</source>
        <translation>= {count} người trong số được kết nạp</translation>
    </message>
    <message>
        <source>Given to the units: {given} of {target} people</source>
        <translation>Đã giao cho các đơn vị: {given}/{target} người</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy.</source>
        <translation>Không phải ngày: hãy viết theo dạng nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked below.</source>
        <translation>Chưa lưu: hãy sửa các ô được đánh dấu bên dưới.</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Chưa lưu: {message}</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Plan
received</source>
        <translation>Đã nhận
kế hoạch</translation>
    </message>
    <message>
        <source>Plan
commits to</source>
        <translation>Kế hoạch
đăng ký</translation>
    </message>
    <message>
        <source>Target
given</source>
        <translation>Chỉ tiêu
được giao</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Late: due {date}</source>
        <translation>Chậm: hạn {date}</translation>
    </message>
    <message>
        <source>Short of the target by {count}</source>
        <translation>Thấp hơn chỉ tiêu {count} người</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Waiting until {date}</source>
        <translation>Đang chờ, hạn {date}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>The unit&apos;s plan commits to {committed} admissions; it was given {given}.</source>
        <translation>Kế hoạch của đơn vị đăng ký kết nạp {committed} người; chỉ tiêu được giao là {given}.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Print form</source>
        <translation>&amp;In biểu mẫu</translation>
    </message>
    <message>
        <source>TB-DLCN  Privacy notice and consent</source>
        <translation>TB-DLCN  Thông báo xử lý dữ liệu cá nhân và ý kiến đồng ý</translation>
    </message>
    <message>
        <source>Record the signed consent…</source>
        <translation>Ghi nhận ý kiến đồng ý đã ký…</translation>
    </message>
    <message>
        <source>Record the signed consent</source>
        <translation>Ghi nhận ý kiến đồng ý đã ký</translation>
    </message>
    <message>
        <source>Who handed the notice over and took the signature?</source>
        <translation>Ai đã giao thông báo và nhận chữ ký?</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>{code} for {count} people</source>
        <translation>{code} cho {count} người</translation>
    </message>
</context>
<context>
    <name>PrintFormDialog</name>
    <message>
        <source>Print {code}</source>
        <translation>In {code}</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>Document &amp;date:</source>
        <translation>&amp;Ngày văn bản:</translation>
    </message>
    <message>
        <source>Số {number} (already in the register; printed again as it was)</source>
        <translation>Số {number} (đã vào sổ; in lại đúng như lần trước)</translation>
    </message>
    <message>
        <source>The next number of the register is given when you print.</source>
        <translation>Khi in, văn bản được cấp số tiếp theo trong sổ đăng ký.</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <source>Enter it in the document &amp;register</source>
        <translation>Vào &amp;sổ đăng ký văn bản (cấp số)</translation>
    </message>
    <message>
        <source>Unticked, the form prints with a blank number to write by hand.</source>
        <translation>Bỏ chọn thì văn bản in với số để trống, ghi tay sau.</translation>
    </message>
    <message>
        <source>A field left empty prints dotted lines to fill in by hand.</source>
        <translation>Ô để trống sẽ in dòng chấm để viết tay.</translation>
    </message>
    <message>
        <source>&amp;Preview and print…</source>
        <translation>&amp;Xem trước và in…</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy, e.g. 05/03/2026.</source>
        <translation>Ghi ngày theo dạng nn/tt/nnnn, ví dụ 05/03/2026.</translation>
    </message>
    <message>
        <source>Not printed: {message}</source>
        <translation>Chưa in: {message}</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>Document &amp;date:</source>
        <translation>&amp;Ngày văn bản:</translation>
    </message>
    <message>
        <source>Enter it in the document &amp;register</source>
        <translation>Vào &amp;sổ đăng ký văn bản (cấp số)</translation>
    </message>
    <message>
        <source>Ticked, the next number of the register is printed on it and kept for good. Leave it unticked for a draft: the number prints blank.</source>
        <translation>Khi đánh dấu, văn bản được cấp số tiếp theo trong sổ và số này được giữ luôn. Để trống khi in bản nháp: chỗ số để trắng.</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>&amp;Xem trước…</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy.</source>
        <translation>Không phải ngày: hãy viết theo dạng nn/tt/nnnn.</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <source>Print settings</source>
        <translation>Thiết lập in</translation>
    </message>
    <message>
        <source>The committee above the chi bộ</source>
        <translation>Cấp ủy cấp trên của chi bộ</translation>
    </message>
    <message>
        <source>Committee &amp;name:</source>
        <translation>&amp;Tên cấp ủy:</translation>
    </message>
    <message>
        <source>Printed &amp;above it:</source>
        <translation>&amp;In phía trên (cấp trên):</translation>
    </message>
    <message>
        <source>&amp;Symbol (Số 01-QĐ/…):</source>
        <translation>&amp;Ký hiệu (Số 01-QĐ/…):</translation>
    </message>
    <message>
        <source>Se&amp;cretary who signs:</source>
        <translation>&amp;Bí thư ký văn bản:</translation>
    </message>
    <message>
        <source>Signs decisions &amp;as:</source>
        <translation>Thẩm quyền &amp;ký quyết định:</translation>
    </message>
    <message>
        <source>&amp;Place on the date line:</source>
        <translation>Đị&amp;a danh trên dòng ngày tháng:</translation>
    </message>
    <message>
        <source>This unit</source>
        <translation>Đơn vị này</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>S&amp;ymbol (Số 01-NQ/…):</source>
        <translation>Ký &amp;hiệu (Số 01-NQ/…):</translation>
    </message>
    <message>
        <source>Secretary who si&amp;gns:</source>
        <translation>Bí thư &amp;ký văn bản:</translation>
    </message>
    <message>
        <source>Page margins (mm)</source>
        <translation>Lề trang (mm)</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Trên</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Dưới</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Trái</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Phải</translation>
    </message>
    <message>
        <source>36-HD/VPTW sources differ on margins; use the values of your own copy of the guidance.</source>
        <translation>Các nguồn về 36-HD/VPTW ghi lề trang khác nhau; hãy dùng số đo trong bản hướng dẫn của đơn vị mình.</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Chưa lưu: {message}</translation>
    </message>
</context>
<context>
    <name>ProcedureModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Trễ (ngày)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>No unit</source>
        <translation>Chưa thuộc đơn vị nào</translation>
    </message>
    <message>
        <source>Mã {code}</source>
        <translation>Mã {code}</translation>
    </message>
    <message>
        <source>Basis: {basis}</source>
        <translation>Căn cứ: {basis}</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Tiếp</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Xong</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Rank</source>
        <translation>Xếp
hạng</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Kết nạp</translation>
    </message>
    <message>
        <source>% of
target</source>
        <translation>% chỉ
tiêu</translation>
    </message>
    <message>
        <source>Youth
Union %</source>
        <translation>% đoàn
viên</translation>
    </message>
    <message>
        <source>Rule
errors</source>
        <translation>Sai
sót</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá
hạn</translation>
    </message>
    <message>
        <source>Plan
sent</source>
        <translation>Gửi kế
hoạch</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Exceeded</source>
        <translation>Vượt</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>No target given</source>
        <translation>Không giao chỉ tiêu</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>✗ late</source>
        <translation>✗ chậm</translation>
    </message>
    <message>
        <source>{youth} of the {admitted} admitted are Youth Union members</source>
        <translation>{youth} trong số {admitted} người được kết nạp là đoàn viên</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Open the data with the recovery key</source>
        <translation>Mở dữ liệu bằng mã khôi phục</translation>
    </message>
    <message>
        <source>When every administrator&apos;s password is lost, the recovery key printed when the accounts were set up opens the data. Type its 32 characters (case, spaces and dashes do not matter), the administrator account to give a new password, and the new password twice.</source>
        <translation>Khi mọi mật khẩu quản trị đều bị mất, mã khôi phục đã in lúc thiết lập tài khoản sẽ mở được dữ liệu. Gõ đủ 32 ký tự của mã (chữ hoa hay thường, dấu cách hay gạch ngang đều được), tên tài khoản quản trị sẽ nhận mật khẩu mới, và mật khẩu mới hai lần.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>Mã &amp;khôi phục:</translation>
    </message>
    <message>
        <source>Administrator &amp;account:</source>
        <translation>&amp;Tài khoản quản trị:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
    <message>
        <source>&amp;Open the data</source>
        <translation>Mở &amp;dữ liệu</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>The data file is damaged and cannot be used as it is:
{problem}

It will be kept aside, not deleted.</source>
        <translation>Tệp dữ liệu bị hỏng, không dùng được như hiện nay:
{problem}

Tệp này sẽ được giữ riêng, không bị xóa.</translation>
    </message>
    <message>
        <source>Damaged data</source>
        <translation>Dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>There is no backup in {folder}.</source>
        <translation>Không có bản sao lưu nào trong {folder}.</translation>
    </message>
    <message>
        <source>Restore the newest backup ({when}) and take in again the exchange files received since?</source>
        <translation>Khôi phục bản sao lưu gần nhất ({when}) và nhận lại các tệp trao đổi đã nhận từ đó đến nay?</translation>
    </message>
    <message>
        <source>The unit&apos;s key passphrase:</source>
        <translation>Mật khẩu khóa của đơn vị:</translation>
    </message>
    <message>
        <source>The backup of {when} is restored and {files} exchange file(s) received since were taken in again.</source>
        <translation>Đã khôi phục bản sao lưu ngày {when} và nhận lại {files} tệp trao đổi nhận được từ đó đến nay.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>The recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>This is the recovery key of the data on this computer. It is shown only this once. When every password is forgotten, it alone opens the data; anyone who has it and this computer can read everything.

Print it (or copy it onto paper by hand) and keep it locked away, like the key of the safe, never with the computer.</source>
        <translation>Đây là mã khôi phục dữ liệu trên máy này. Mã chỉ hiện một lần này. Khi mọi mật khẩu đều bị quên, chỉ mã này mở được dữ liệu; ai có mã và có máy tính này là đọc được tất cả.

Hãy in ra (hoặc chép tay ra giấy) và cất nơi có khóa như chìa khóa két sắt, không bao giờ để cùng máy tính.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>Only to a USB stick that is then locked away: never on this computer</source>
        <translation>Chỉ lưu vào USB rồi cất nơi có khóa, không bao giờ lưu trên máy này</translation>
    </message>
    <message>
        <source>I have printed or copied this key and put it away safely</source>
        <translation>Tôi đã in hoặc chép lại mã này và cất giữ an toàn</translation>
    </message>
    <message>
        <source>The recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Lưu mã khôi phục</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {path}. Keep that copy locked away too, never on this computer.</source>
        <translation>Đã lưu: {path}. Bản này cũng phải cất nơi có khóa, không để trên máy này.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation>Mã khôi phục</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Document register</source>
        <translation>Sổ đăng ký văn bản</translation>
    </message>
    <message>
        <source>Number, form or name; accents optional</source>
        <translation>Số, mẫu hoặc tên; gõ không dấu cũng được</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>&amp;Print again…</source>
        <translation>&amp;In lại…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Hủy văn bản…</translation>
    </message>
    <message>
        <source>Mark a document issued by mistake; its number is never given again.</source>
        <translation>Đánh dấu văn bản ban hành nhầm; số của nó không bao giờ được cấp lại.</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} văn bản</translation>
    </message>
    <message>
        <source>Void {number}</source>
        <translation>Hủy văn bản số {number}</translation>
    </message>
    <message>
        <source>Why is this document void? (The number stays used.)</source>
        <translation>Lý do hủy văn bản? (Số này vẫn coi là đã dùng.)</translation>
    </message>
    <message>
        <source>This document is void. Print the form again from the person&apos;s menu in the Candidates tab: it gets a new number.</source>
        <translation>Văn bản này đã hủy. Hãy in lại biểu mẫu từ trình đơn của người đó ở thẻ Người vào Đảng: văn bản sẽ được cấp số mới.</translation>
    </message>
    <message>
        <source>Print plans and reports again from the Reports tab.</source>
        <translation>Kế hoạch và báo cáo được in lại ở thẻ Báo cáo.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Procedure check</source>
        <translation>Kiểm tra thủ tục</translation>
    </message>
    <message>
        <source>The year&apos;s targets, classes and deadlines</source>
        <translation>Chỉ tiêu, lớp học và thời hạn trong năm</translation>
    </message>
    <message>
        <source>The half-year or year report, with charts</source>
        <translation>Báo cáo sơ kết 6 tháng hoặc tổng kết năm, kèm biểu đồ</translation>
    </message>
    <message>
        <source>Rule findings and overdue deadlines, by unit, for an inspection</source>
        <translation>Các sai sót về quy định và việc quá hạn, theo đơn vị, phục vụ kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>First six months</source>
        <translation>6 tháng đầu năm</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>People to admit:</source>
        <translation>Chỉ tiêu kết nạp:</translation>
    </message>
    <message>
        <source>of them Youth Union members:</source>
        <translation>trong đó đoàn viên:</translation>
    </message>
    <message>
        <source>Awareness classes:</source>
        <translation>Lớp nhận thức về Đảng:</translation>
    </message>
    <message>
        <source>New-member classes:</source>
        <translation>Lớp đảng viên mới:</translation>
    </message>
    <message>
        <source>Progress reviewed:</source>
        <translation>Sơ kết, đánh giá:</translation>
    </message>
    <message>
        <source>Units send their own plans by:</source>
        <translation>Hạn các đơn vị gửi kế hoạch:</translation>
    </message>
    <message>
        <source>Half-year report due:</source>
        <translation>Hạn báo cáo sơ kết 6 tháng:</translation>
    </message>
    <message>
        <source>Year report due:</source>
        <translation>Hạn báo cáo tổng kết năm:</translation>
    </message>
    <message>
        <source>Given to the units:</source>
        <translation>Giao cho các đơn vị:</translation>
    </message>
    <message>
        <source>&amp;Print the plan (KH)…</source>
        <translation>&amp;In kế hoạch (KH)…</translation>
    </message>
    <message>
        <source>The plan as a KH document, to preview, print or save as PDF</source>
        <translation>Kế hoạch dưới dạng văn bản KH, để xem trước, in hoặc lưu thành PDF</translation>
    </message>
    <message>
        <source>&amp;Print the report (BC)…</source>
        <translation>&amp;In báo cáo (BC)…</translation>
    </message>
    <message>
        <source>The report as a BC document, to preview, print or save as PDF</source>
        <translation>Báo cáo dưới dạng văn bản BC, để xem trước, in hoặc lưu thành PDF</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>Xuất ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Every figure and breakdown, per unit and the procedure check, as .xlsx</source>
        <translation>Mọi số liệu và cơ cấu, theo từng đơn vị, cùng kết quả kiểm tra thủ tục, thành tệp .xlsx</translation>
    </message>
    <message>
        <source>In the period</source>
        <translation>Trong kỳ</translation>
    </message>
    <message>
        <source>Admitted:</source>
        <translation>Kết nạp:</translation>
    </message>
    <message>
        <source>Youth Union members:</source>
        <translation>Là đoàn viên:</translation>
    </message>
    <message>
        <source>Recognised as full members:</source>
        <translation>Công nhận đảng viên chính thức:</translation>
    </message>
    <message>
        <source>Struck off the probationary list:</source>
        <translation>Xóa tên đảng viên dự bị:</translation>
    </message>
    <message>
        <source>Sympathisers:</source>
        <translation>Quần chúng cảm tình Đảng:</translation>
    </message>
    <message>
        <source>Women:</source>
        <translation>Nữ:</translation>
    </message>
    <message>
        <source>Ethnic minorities:</source>
        <translation>Dân tộc thiểu số:</translation>
    </message>
    <message>
        <source>Aged 18 to 30:</source>
        <translation>Từ 18 đến 30 tuổi:</translation>
    </message>
    <message>
        <source>The people admitted</source>
        <translation>Cơ cấu đảng viên mới kết nạp</translation>
    </message>
    <message>
        <source>Nobody was admitted in this period: there is nothing to break down.</source>
        <translation>Trong kỳ chưa kết nạp ai: chưa có cơ cấu để thống kê.</translation>
    </message>
    <message>
        <source>Per unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>Figures per unit</source>
        <translation>Số liệu theo đơn vị</translation>
    </message>
    <message>
        <source>See the &amp;list…</source>
        <translation>Xem &amp;danh sách…</translation>
    </message>
    <message>
        <source>Name, Mã, unit or words of the finding</source>
        <translation>Họ tên, mã, đơn vị hoặc từ trong nội dung</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Overdue deadlines</source>
        <translation>Việc quá hạn</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Hiện:</translation>
    </message>
    <message>
        <source>Nothing to report: no rule findings and no overdue deadlines.</source>
        <translation>Không có gì cần báo cáo: không có sai sót về quy định và không có việc quá hạn.</translation>
    </message>
    <message>
        <source>Rule findings and overdue deadlines</source>
        <translation>Sai sót về quy định và việc quá hạn</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the person</source>
        <translation>Nhấp đúp hoặc nhấn Enter để mở hồ sơ người này</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>The list as a BC document (landscape), to preview, print or save as PDF</source>
        <translation>Danh sách dưới dạng văn bản BC (khổ ngang), để xem trước, in hoặc lưu thành PDF</translation>
    </message>
    <message>
        <source>Double-click a line to open the person in the Candidates tab.</source>
        <translation>Nhấp đúp vào một dòng để mở người đó ở thẻ Người vào Đảng.</translation>
    </message>
    <message>
        <source>Situation on {date}</source>
        <translation>Tình hình đến ngày {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue step(s)</source>
        <translation>
            <numerusform>%n việc quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n person(s))</source>
        <translation>
            <numerusform>(%n người)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Không có việc quá hạn</translation>
    </message>
    <message>
        <source>Due this month:</source>
        <translation>Đến hạn trong tháng:</translation>
    </message>
    <message>
        <source>Due from today to {date}:</source>
        <translation>Đến hạn từ nay đến ngày {date}:</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n việc</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <source>No plan for {year} yet</source>
        <translation>Chưa có kế hoạch năm {year}</translation>
    </message>
    <message>
        <source>Write the year&apos;s plan: the people to admit, the share of Youth Union members, the classes and the deadlines. The reports are measured against it.</source>
        <translation>Hãy lập kế hoạch của năm: số người kết nạp, tỷ lệ đoàn viên, các lớp bồi dưỡng và các thời hạn. Báo cáo sẽ đối chiếu kết quả với kế hoạch này.</translation>
    </message>
    <message>
        <source>&amp;Write the plan…</source>
        <translation>Lập kế &amp;hoạch…</translation>
    </message>
    <message>
        <source>Plan for developing new members, {year} — {unit}</source>
        <translation>Kế hoạch phát triển đảng viên năm {year} — {unit}</translation>
    </message>
    <message>
        <source>Edit the pla&amp;n…</source>
        <translation>Sửa kế &amp;hoạch…</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} người</translation>
    </message>
    <message>
        <source>{share}% ({count} people)</source>
        <translation>{share}% ({count} người)</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>hằng tháng</translation>
    </message>
    <message>
        <source>every quarter</source>
        <translation>hằng quý</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <source>no number set</source>
        <translation>chưa đặt số lớp</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n lớp</numerusform>
        </translation>
    </message>
    <message>
        <source>{low}–{high} classes</source>
        <translation>{low}–{high} lớp</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) to send</source>
        <translation>
            <numerusform>cử %n người đi học</numerusform>
        </translation>
    </message>
    <message>
        <source>First six months of {year}: developing new members</source>
        <translation>Sơ kết 6 tháng đầu năm {year} công tác phát triển đảng viên</translation>
    </message>
    <message>
        <source>The year {year}: developing new members</source>
        <translation>Tổng kết công tác phát triển đảng viên năm {year}</translation>
    </message>
    <message>
        <source>From {start} to {end}. Stages, findings and deadlines as of {day}.</source>
        <translation>Từ {start} đến {end}. Bước, sai sót và thời hạn tính đến ngày {day}.</translation>
    </message>
    <message>
        <source>No plan for {year}: no target to measure against.</source>
        <translation>Chưa có kế hoạch năm {year}: không có chỉ tiêu để đối chiếu.</translation>
    </message>
    <message>
        <source>{admitted} of a target of {target} ({percent})</source>
        <translation>{admitted}/{target} theo chỉ tiêu ({percent})</translation>
    </message>
    <message>
        <source>target {share}% ({count})</source>
        <translation>chỉ tiêu {share}% ({count})</translation>
    </message>
    <message>
        <source>{added} added, {removed} removed</source>
        <translation>thêm {added}, đưa ra {removed}</translation>
    </message>
    <message>
        <source>{held} held; {passed} of {enrolled} passed</source>
        <translation>đã mở {held} lớp; {passed}/{enrolled} người đạt</translation>
    </message>
    <message>
        <source>plan {classes}</source>
        <translation>kế hoạch {classes}</translation>
    </message>
    <message>
        <source>Admitted so far, month by month</source>
        <translation>Số đảng viên kết nạp cộng dồn theo tháng</translation>
    </message>
    <message>
        <source>People at each stage today</source>
        <translation>Số người ở từng bước hiện nay</translation>
    </message>
    <message>
        <source>Youth Union membership</source>
        <translation>Đoàn viên TNCS Hồ Chí Minh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Age at admission</source>
        <translation>Tuổi khi kết nạp</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>General education</source>
        <translation>Trình độ giáo dục phổ thông</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Nghề nghiệp</translation>
    </message>
    <message>
        <source>Procedure check: {errors} error(s) and {warnings} warning(s) for {people} person(s); {overdue} overdue deadline(s).</source>
        <translation>Kiểm tra thủ tục: {errors} lỗi và {warnings} cảnh báo ở {people} người; {overdue} việc quá hạn.</translation>
    </message>
    <message>
        <source>From {start} to {end}, as of {day}: {unit} and the units below it.</source>
        <translation>Từ {start} đến {end}, tình trạng đến ngày {day}: {unit} và các đơn vị trực thuộc.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} lines</source>
        <translation>{shown}/{total} dòng</translation>
    </message>
    <message>
        <source>The plan for {year} is saved.</source>
        <translation>Đã lưu kế hoạch năm {year}.</translation>
    </message>
    <message>
        <source>Plan for developing new members, {year}</source>
        <translation>Kế hoạch phát triển đảng viên năm {year}</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>Đang tạo văn bản…</translation>
    </message>
    <message>
        <source>Procedure check {start} – {end}</source>
        <translation>Kiểm tra thủ tục từ {start} đến {end}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Đã lưu vào {path}</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Đang ghi bảng tính…</translation>
    </message>
    <message>
        <source>Export the procedure check</source>
        <translation>Xuất kết quả kiểm tra thủ tục</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>New password for {name}</source>
        <translation>Mật khẩu mới cho {name}</translation>
    </message>
    <message>
        <source>The account «{name}» gets this password (and may sign in again if it was disabled). Tell its owner, who should change it at the first sign-in.</source>
        <translation>Tài khoản «{name}» nhận mật khẩu này (và đăng nhập lại được nếu đã bị khóa). Hãy báo cho người dùng tài khoản và nhắc họ đổi mật khẩu ngay lần đăng nhập đầu.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
    <message>
        <source>&amp;Set the password</source>
        <translation>Đặt mật &amp;khẩu</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Record results</source>
        <translation>Ghi kết quả học tập</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Số buổi</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>&amp;Results:</source>
        <translation>&amp;Kết quả:</translation>
    </message>
    <message>
        <source>Result &amp;date:</source>
        <translation>&amp;Ngày có kết quả:</translation>
    </message>
    <message>
        <source>Not a date: write it as dd/mm/yyyy.</source>
        <translation>Không phải ngày: hãy viết theo dạng nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Sessions for {name} must be a whole number.</source>
        <translation>Số buổi học của {name} phải là số nguyên.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Đề nghị</translation>
    </message>
    <message>
        <source>Chi bộ
vote</source>
        <translation>Chi bộ
biểu quyết</translation>
    </message>
    <message>
        <source>Missing or wrong</source>
        <translation>Còn thiếu, sai sót</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Kết nạp</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Missing: {papers}</source>
        <translation>Thiếu: {papers}</translation>
    </message>
    <message>
        <source>Ready for the decision: nothing missing, no rule errors.</source>
        <translation>Đủ điều kiện ra quyết định: không thiếu giấy tờ, không có sai sót.</translation>
    </message>
    <message>
        <source>Missing papers:</source>
        <translation>Còn thiếu giấy tờ:</translation>
    </message>
    <message>
        <source>Rule errors:</source>
        <translation>Sai sót về quy định:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Cảnh báo:</translation>
    </message>
    <message>
        <source>✓ ready</source>
        <translation>✓ đủ</translation>
    </message>
    <message>
        <source>✗ not ready</source>
        <translation>✗ chưa đủ</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Welcome to dvdesk</source>
        <translation>Chào mừng đến với dvdesk</translation>
    </message>
    <message>
        <source>A few questions make this copy of dvdesk your unit&apos;s own: who the unit is and the committee above it, the first administrator&apos;s account, and the unit&apos;s exchange keys. Have ready the committee&apos;s term dates, a printer (or paper and pen), and the unit&apos;s seal for the fingerprint page.

Nothing is saved until you confirm, on the page of the keys.

Who works on this computer?</source>
        <translation>Vài câu hỏi để dvdesk trở thành của đơn vị bạn: đơn vị là ai và cấp ủy cấp trên, tài khoản quản trị đầu tiên, và khóa trao đổi của đơn vị. Hãy chuẩn bị ngày đầu và cuối nhiệm kỳ của cấp ủy, máy in (hoặc giấy bút), và con dấu của đơn vị để đóng vào phiếu dấu vân tay.

Chưa có gì được lưu cho đến khi bạn xác nhận ở trang khóa.

Ai làm việc trên máy này?</translation>
    </message>
    <message>
        <source>A &amp;chi bộ (or a base committee)</source>
        <translation>&amp;Chi bộ (hoặc đảng bộ cơ sở)</translation>
    </message>
    <message>
        <source>Keeps its people, prints their forms and sends its files up to the board.</source>
        <translation>Quản lý người của mình, in các biểu mẫu và gửi tệp lên Ban Tổ chức cấp trên.</translation>
    </message>
    <message>
        <source>The &amp;organisation board above</source>
        <translation>&amp;Ban Tổ chức cấp trên</translation>
    </message>
    <message>
        <source>Receives the files of its chi bộ, reviews dossiers, issues decisions, runs the classes and adds up the reports.</source>
        <translation>Nhận tệp của các chi bộ, xét hồ sơ, ra quyết định, mở lớp và tổng hợp báo cáo.</translation>
    </message>
    <message>
        <source>empty: the data stays on this computer</source>
        <translation>để trống: dữ liệu chỉ ở trên máy này</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user@server/dvdesk — the password comes from the PGPASSWORD variable or the pgpass file, never from here</source>
        <translation>postgresql+psycopg://người_dùng@máy_chủ/dvdesk — mật khẩu lấy từ biến PGPASSWORD hoặc tệp pgpass, không nhập ở đây</translation>
    </message>
    <message>
        <source>Shared &amp;database:</source>
        <translation>Cơ sở &amp;dữ liệu dùng chung:</translation>
    </message>
    <message>
        <source>The shared database {where} is already set up ({unit}, {count} account(s)). This computer will work on it: sign in with your account.</source>
        <translation>Cơ sở dữ liệu dùng chung {where} đã được thiết lập ({unit}, {count} tài khoản). Máy này sẽ làm việc trên đó: hãy đăng nhập bằng tài khoản của bạn.</translation>
    </message>
</context>
<context>
    <name>RotateKeysDialog</name>
    <message>
        <source>Replace the keys</source>
        <translation>Đổi khóa</translation>
    </message>
    <message>
        <source>New keys replace the current ones, for example when the passphrase may be known to someone who should not know it. The new public-key file is signed with the old key; send it with a new fingerprint page.</source>
        <translation>Khóa mới thay cho khóa hiện tại, chẳng hạn khi có thể người không có trách nhiệm đã biết mật khẩu. Tệp khóa công khai mới được ký bằng khóa cũ; hãy gửi kèm phiếu dấu vân tay mới.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>&amp;Replace the keys</source>
        <translation>Đổi &amp;khóa</translation>
    </message>
    <message>
        <source>Type the current passphrase.</source>
        <translation>Hãy nhập mật khẩu hiện tại.</translation>
    </message>
</context>
<context>
    <name>SecrecyActions</name>
    <message>
        <source>Lift the secrecy ruling (Mật)…</source>
        <translation>Bỏ xác định hồ sơ mật…</translation>
    </message>
    <message>
        <source>Rule the dossier secret (Mật)…</source>
        <translation>Xác định hồ sơ mật…</translation>
    </message>
    <message>
        <source>Rule the dossier secret</source>
        <translation>Xác định hồ sơ mật</translation>
    </message>
    <message>
        <source>The basis of the ruling (the document&apos;s number and date):</source>
        <translation>Căn cứ xác định (số và ngày văn bản):</translation>
    </message>
    <message>
        <source>Lift the secrecy ruling</source>
        <translation>Bỏ xác định hồ sơ mật</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Secret dossier</source>
        <translation>Hồ sơ mật</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>dvdesk: sign in</source>
        <translation>dvdesk: đăng nhập</translation>
    </message>
    <message>
        <source>The data on this computer is encrypted: sign in to open it.</source>
        <translation>Dữ liệu trên máy này được mã hóa: hãy đăng nhập để mở.</translation>
    </message>
    <message>
        <source>This desk works on the office&apos;s shared database at {server}: sign in with your account there.</source>
        <translation>Máy này làm việc trên cơ sở dữ liệu dùng chung của cơ quan tại {server}: hãy đăng nhập bằng tài khoản của bạn ở đó.</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Tên tài khoản:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>&amp;Forgot the password? Use the recovery key</source>
        <translation>&amp;Quên mật khẩu? Dùng mã khôi phục</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <source>To do: overdue and due this week</source>
        <translation>Việc cần làm: quá hạn và đến hạn trong tuần</translation>
    </message>
    <message>
        <source>To-&amp;do (overdue or due within 7 days):</source>
        <translation>Việc cần là&amp;m (quá hạn hoặc đến hạn trong 7 ngày):</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n việc quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>tổng cộng %n việc</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodoTableModel</name>
    <message>
        <source>When</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn chót</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Việc cần làm</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Hết hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>Còn %n ngày</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitFiguresModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Kết nạp</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Youth Union</source>
        <translation>Đoàn viên</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>Công nhận</translation>
    </message>
    <message>
        <source>Struck off</source>
        <translation>Xóa tên</translation>
    </message>
    <message>
        <source>Sympathisers +/−</source>
        <translation>Cảm tình Đảng +/−</translation>
    </message>
</context>
<context>
    <name>UnitModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Last
received</source>
        <translation>Nhận
lần cuối</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Sent /
acknowledged</source>
        <translation>Gửi /
báo nhận</translation>
    </message>
    <message>
        <source>Days
silent</source>
        <translation>Ngày
im lặng</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>✓ confirmed</source>
        <translation>✓ đã xác nhận</translation>
    </message>
    <message>
        <source>✓ not confirmed</source>
        <translation>✓ chưa xác nhận</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <source>Nothing received from this unit yet.</source>
        <translation>Chưa nhận được gì từ đơn vị này.</translation>
    </message>
    <message>
        <source>Nothing received for {days} days (the limit is {limit}).</source>
        <translation>Đã {days} ngày không nhận được gì (mức cảnh báo là {limit} ngày).</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>The unit and the committee above</source>
        <translation>Đơn vị và cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>These go on every printed document and every file sent. The term is the committee&apos;s: document numbers start again from 01 in each term.</source>
        <translation>Các thông tin này in trên mọi văn bản và ghi trong mọi tệp gửi đi. Nhiệm kỳ là của cấp ủy: số văn bản được đánh lại từ 01 trong mỗi nhiệm kỳ.</translation>
    </message>
    <message>
        <source>Unit &amp;code:</source>
        <translation>&amp;Mã đơn vị:</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>Committee &amp;above:</source>
        <translation>&amp;Cấp ủy cấp trên:</translation>
    </message>
    <message>
        <source>Its organisation &amp;board:</source>
        <translation>&amp;Ban Tổ chức của cấp ủy đó:</translation>
    </message>
    <message>
        <source>&amp;Place on documents:</source>
        <translation>Địa &amp;danh trên văn bản:</translation>
    </message>
    <message>
        <source>e.g. Hà Tĩnh</source>
        <translation>ví dụ Hà Tĩnh</translation>
    </message>
    <message>
        <source>Term &amp;from:</source>
        <translation>&amp;Nhiệm kỳ từ ngày:</translation>
    </message>
    <message>
        <source>Term &amp;until:</source>
        <translation>Nhiệm kỳ đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>The closing day of the next congress; may stay empty</source>
        <translation>Ngày bế mạc đại hội kỳ sau; có thể để trống</translation>
    </message>
    <message>
        <source>e.g. Ban Tổ chức Đảng ủy Khối…</source>
        <translation>ví dụ Ban Tổ chức Đảng ủy Khối…</translation>
    </message>
    <message>
        <source>the committee the board works for</source>
        <translation>cấp ủy mà Ban tham mưu</translation>
    </message>
    <message>
        <source>e.g. BTC-DUK</source>
        <translation>ví dụ BTC-DUK</translation>
    </message>
    <message>
        <source>e.g. Chi bộ Sở Tư pháp</source>
        <translation>ví dụ Chi bộ Sở Tư pháp</translation>
    </message>
    <message>
        <source>e.g. Đảng ủy Khối các cơ quan tỉnh</source>
        <translation>ví dụ Đảng ủy Khối các cơ quan tỉnh</translation>
    </message>
    <message>
        <source>the code the office gave the unit</source>
        <translation>mã do cấp trên cấp cho đơn vị</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Units</source>
        <translation>Các đơn vị</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>&amp;Warn when a unit has sent nothing for more than</source>
        <translation>&amp;Cảnh báo khi đơn vị không gửi gì quá</translation>
    </message>
    <message>
        <source>Received: the number of the last file received from the unit. Sent / acknowledged: the number of the last file written for it, and of the last one it has confirmed receiving. Highlighted: silent past the limit.</source>
        <translation>Đã nhận: số của tệp gần nhất nhận từ đơn vị. Gửi / báo nhận: số của tệp gần nhất ghi cho đơn vị, và của tệp gần nhất đơn vị đã xác nhận nhận được. Dòng tô màu: quá hạn không gửi gì.</translation>
    </message>
    <message>
        <source>Units: {total} · silent: {silent} · open conflicts: {conflicts}</source>
        <translation>Đơn vị: {total} · im lặng quá hạn: {silent} · xung đột chưa xử lý: {conflicts}</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <source>dvdesk is locked</source>
        <translation>dvdesk đã khóa</translation>
    </message>
    <message>
        <source>The data stays hidden until the password is typed again.</source>
        <translation>Dữ liệu được ẩn cho đến khi nhập lại mật khẩu.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <source>Install an update</source>
        <translation>Cài bản cập nhật</translation>
    </message>
    <message>
        <source>Choose the installer of the new version that the office sent. Its signature file (.dvsig) must lie beside it: the installer runs only if the office&apos;s signature checks out.</source>
        <translation>Chọn tệp cài đặt phiên bản mới do cơ quan cấp trên gửi. Tệp chữ ký (.dvsig) phải nằm cùng thư mục: tệp cài đặt chỉ được chạy khi chữ ký của cơ quan cấp trên hợp lệ.</translation>
    </message>
    <message>
        <source>Installer &amp;file:</source>
        <translation>&amp;Tệp cài đặt:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>Copying and checking… %p%</source>
        <translation>Đang chép và kiểm tra… %p%</translation>
    </message>
    <message>
        <source>What was verified</source>
        <translation>Những gì đã kiểm tra</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Phiên bản:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Ký ngày:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Dung lượng:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Khóa:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Dấu vân tay:</translation>
    </message>
    <message>
        <source>&amp;Install and close dvdesk</source>
        <translation>&amp;Cài đặt và đóng dvdesk</translation>
    </message>
    <message>
        <source>Choose the installer</source>
        <translation>Chọn tệp cài đặt</translation>
    </message>
    <message>
        <source>Installers (*.exe);;All files (*)</source>
        <translation>Tệp cài đặt (*.exe);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>{version} (this program: {running})</source>
        <translation>{version} (chương trình đang chạy: {running})</translation>
    </message>
    <message>
        <source>{megabytes} MB ({bytes} bytes)</source>
        <translation>{megabytes} MB ({bytes} byte)</translation>
    </message>
    <message>
        <source>The office&apos;s signature is valid and the file is as it was signed. dvdesk closes and the installer starts from the checked copy:
{path}</source>
        <translation>Chữ ký của cơ quan cấp trên hợp lệ và tệp đúng như khi được ký. dvdesk sẽ đóng và chạy tệp cài đặt từ bản sao đã kiểm tra:
{path}</translation>
    </message>
    <message>
        <source>{file} is not installed.</source>
        <translation>Chưa cài {file}.</translation>
    </message>
    <message>
        <source>The installer {path} could not be started.</source>
        <translation>Không chạy được tệp cài đặt {path}.</translation>
    </message>
</context>
</TS>
