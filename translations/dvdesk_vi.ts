<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
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
</context>
<context>
    <name>ClassesTab</name>
    <message>
        <source>Classes</source>
        <translation>Danh sách lớp học</translation>
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
        <source>Counts per stage, overdue and due steps</source>
        <translation>Số người theo giai đoạn, việc quá hạn và sắp đến hạn</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
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
        <source>&amp;About dvdesk</source>
        <translation>&amp;Giới thiệu dvdesk</translation>
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
    <name>ReportsTab</name>
    <message>
        <source>People in the list:</source>
        <translation>Số người trong danh sách:</translation>
    </message>
    <message>
        <source>Overdue:</source>
        <translation>Quá hạn:</translation>
    </message>
    <message>
        <source>People at each stage</source>
        <translation>Số người theo giai đoạn</translation>
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
        <source>Due from today to {date}:</source>
        <translation>Đến hạn từ nay đến ngày {date}:</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n việc</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageCountModel</name>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
</context>
</TS>
